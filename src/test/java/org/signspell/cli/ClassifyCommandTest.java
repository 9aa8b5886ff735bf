package org.signspell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signspell.letters.LetterModel;
import org.signspell.testing.SharedData;

/** classify end to end: the real tracker and the shipped letter model on real photos. */
class ClassifyCommandTest {

    private record Run(int exitCode, List<JsonNode> lines, String err) {
        /** The letters answered, in order, for the images where a hand was found. */
        List<String> letters() {
            return lines.stream().filter(l -> !l.get("letter").isNull()).map(l -> l.get("letter").asText()).toList();
        }
    }

    private static Run classify(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("classify"));
        all.addAll(List.of(args));
        CliRun run = CliRun.onStdout(all.toArray(String[]::new));
        return new Run(run.exitCode(), jsonLines(run.out()), run.err());
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(json.readTree(line));
            }
        }
        return lines;
    }

    @Test
    void aFolderCopiedFromAMacIsReadWithoutItsHiddenMetadataFiles(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        Path b = SharedData.resolve("photos/t32rahman-webcam/B/0.jpg");
        java.nio.file.Files.copy(b, dir.resolve("b.jpg"));
        java.nio.file.Files.writeString(dir.resolve("._b.jpg"), "Mac OS X metadata");
        java.nio.file.Files.createDirectories(dir.resolve("__MACOSX"));
        java.nio.file.Files.writeString(dir.resolve("__MACOSX/b.jpg"), "Mac OS X metadata");
        Run run = classify(dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(1);
        assertThat(run.letters()).containsExactly("B");
        // A hidden photo named on its own was asked for: it is read.
        java.nio.file.Files.copy(b, dir.resolve(".hidden-b.jpg"));
        Run named = classify(dir.resolve(".hidden-b.jpg").toString());
        assertThat(named.exitCode()).as(named.err()).isZero();
        assertThat(named.letters()).containsExactly("B");
    }

    @Test
    void printsOneJsonLinePerImageWithTop3OrNoHand() throws Exception {
        Path b = SharedData.resolve("photos/t32rahman-webcam/B/0.jpg");
        // MediaPipe's own build found no hand in this photo either (shared/data/reference), nor does the second look.
        Path noHand = SharedData.resolve("photos/roboflow-asl-letters/D/D10_jpg.rf.cce8ddcd70c8169d500b162a907842a8.jpg");
        Run run = classify(b.toString(), noHand.toString(), "--mode", "frame");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(2);
        JsonNode first = run.lines().get(0);
        assertThat(first.get("source").asText()).isEqualTo(b.toString());
        assertThat(first.get("letter").asText()).isEqualTo("B");
        assertThat(first.get("top3")).hasSize(3);
        assertThat(first.get("top3").get(0).get(0).asText()).isEqualTo("B");
        assertThat(first.get("confidence").asDouble()).isEqualTo(first.get("top3").get(0).get(1).asDouble());

        JsonNode second = run.lines().get(1);
        assertThat(second.get("letter").isNull()).isTrue();
        assertThat(second.get("reason").asText()).isEqualTo("no hand");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"J", "Z"})
    void sequenceModeReadsTheLetterFromItsMotionFramesInOrder(String letter) throws Exception {
        // The shipped model trained on these frames: this checks classify's window (the engine's own), not
        // generalisation (the model card has that).
        Path frames = SharedData.resolve("sequences/t32rahman-webcam/" + letter);
        Run run = classify(frames.toString(), "--mode", "sequence");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).hasSize(120);
        List<String> letters = run.letters();
        // Until the window holds a second of the motion, the letter is not drawn yet: a Z needs the fingertip to
        // have travelled (SequenceReading), and this signer starts the Z slowly.
        List<String> fullWindows = letters.subList(LetterModel.WINDOW - 1, letters.size());
        assertThat(fullWindows.stream().filter(letter::equals).count())
                .as("answers %s", letters).isGreaterThanOrEqualTo(Math.round(fullWindows.size() * 0.9));
        assertThat(letters.get(letters.size() - 1)).isEqualTo(letter);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"X/X25_jpg.rf.806e8ab40c1468fafd8d8d989e2c3d80.jpg",
            "X/X7_jpg.rf.396a799d9e21c4fe1477d646dccdb4e3.jpg", "P/P10_jpg.rf.9bc9936fa60df50c060b49c5e53a303d.jpg",
            "P/P13_jpg.rf.21e34a0348f90689c6c49746ff91336c.jpg"})
    void aPointingIndexHeldStillIsNotReadAsZInSequenceMode(String photo) throws Exception {
        // One photo in sequence mode is a hand held still for the whole window. The model alone reads these four
        // (the only photos of ../shared it does so with) as Z at 0.48-0.53: nothing was drawn, so the app reads
        // the frame on its own instead.
        Path path = SharedData.resolve("photos/roboflow-asl-letters/" + photo);
        Run run = classify(path.toString(), "--mode", "sequence");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.letters()).containsExactly(photo.substring(0, 1));
    }

    @Test
    void readsHandsThatFillThePictureWhereMediaPipeFindsNone() throws Exception {
        // MediaPipe Hands found no hand on these (../shared/reference); the tracker's zoomed-out second look does,
        // and the letter model, which never trained on them (no hand, no training example), reads each right.
        Run run = classify(SharedData.FOUND_ON_SECOND_LOOK.stream()
                .map(photo -> SharedData.resolve(photo).toString()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.letters()).containsExactly("P", "S", "S", "V", "J");
    }

    @Test
    void perFrameModeNeverAnswersZBecauseAZStillIsAPointingIndex() throws Exception {
        // The model learns Z from its motion only (models/MODEL_CARD.md): one frame of Z looks like D, G, P or X.
        Run run = classify(SharedData.resolve("photos/roboflow-asl-letters/Z").toString(),
                SharedData.resolve("photos/t32rahman-webcam/Z").toString(), "--mode", "frame");

        assertThat(run.exitCode()).as(run.err()).isZero();
        List<String> letters = run.letters();
        assertThat(letters).as("hands found in the Z photos").hasSizeGreaterThan(50).doesNotContain("Z");
    }

    @Test
    void anUnreadableImageGetsItsLineAndTheExitStatusSaysSo(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake.jpg");
        Files.writeString(fake, "not a picture");
        Path photo = SharedData.resolve(SharedData.FOUND_ON_SECOND_LOOK.get(0));
        Run run = classify(fake.toString(), photo.toString());
        assertThat(run.lines()).hasSize(2);
        assertThat(run.lines().get(0).get("reason").asText()).isEqualTo("cannot read image");
        assertThat(run.lines().get(1).get("letter").asText()).isEqualTo("P");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("1 of 2 images could not be read").doesNotContain("Exception");
    }

    @Test
    void missingPathIsAUserErrorWithoutStackTrace() throws Exception {
        Run run = classify("/no/such/folder");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.err()).contains("No such file or folder").doesNotContain("Exception");
        assertThat(run.lines()).isEmpty();
    }

    @Test
    void readsAnImageWhoseNameThePlatformCharsetCannotSpell(@TempDir Path dir) throws Exception {
        // A Latin-1 name ("café" with é as the byte E9) on a UTF-8 system: the Path keeps its bytes, its String
        // does not. Java cannot make such a name itself; the shell can.
        Path photo = SharedData.resolve("photos/t32rahman-webcam/A/0.jpg");
        copyUnderLatin1Name(photo, dir);
        Run run = classify(dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.letters()).containsExactly("A");
    }

    /** Copies {@code file} into {@code dir} as caf\xE9.jpg; skips the test where the system cannot hold the name. */
    static void copyUnderLatin1Name(Path file, Path dir) throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "needs a POSIX shell");
        Process cp = new ProcessBuilder("/bin/sh", "-c", "cp \"$0\" \"$1/caf$(printf '\\351').jpg\"",
                file.toString(), dir.toString()).inheritIO().start();
        Assumptions.assumeTrue(cp.waitFor() == 0, "the file system takes a name that is not UTF-8");
        try (var files = Files.list(dir)) {
            assertThat(files.toList()).singleElement().satisfies(p -> assertThat(p.toString()).doesNotContain("café"));
        }
    }

    @Test
    void writesUtf8WhateverTheConsoleCharset(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("ä-café.jpg");
        Files.copy(SharedData.resolve("photos/t32rahman-webcam/A/0.jpg"), image);
        // What picocli takes as the console's charset; a Windows console says cp437 or cp1252.
        String old = System.getProperty("sun.stdout.encoding");
        System.setProperty("sun.stdout.encoding", "US-ASCII");
        Run run;
        try {
            run = classify(image.toString());
        } finally {
            if (old == null) {
                System.clearProperty("sun.stdout.encoding");
            } else {
                System.setProperty("sun.stdout.encoding", old);
            }
        }
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).singleElement().satisfies(l -> {
            assertThat(l.get("source").asText()).isEqualTo(image.toString());
            assertThat(l.get("letter").asText()).isEqualTo("A");
        });
    }

    @Test
    void outputThatCannotBeWrittenIsAnErrorNotASilentSuccess() throws Exception {
        CliRun run = onFullDisk("classify", SharedData.resolve("photos/t32rahman-webcam/A/0.jpg").toString());
        assertThat(run.exitCode()).isEqualTo(1);
        // The one line of the error (the native libraries may have written a warning before it).
        assertThat(run.err()).contains("signspell: Cannot write the output to standard output").doesNotContain("\tat ");
    }

    /** Runs the command line with standard output on /dev/full, where every write fails as on a full disk. */
    static CliRun onFullDisk(String... args) throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(full), "needs /dev/full");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(new FileOutputStream(full.toFile()), false, StandardCharsets.UTF_8)) {
            int code = CliRun.withStdout(out, new PrintStream(err, true, StandardCharsets.UTF_8), args);
            return new CliRun(code, "", err.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void foldersPlayInNumberOrderAsInTheApp(@TempDir Path dir) throws Exception {
        // Frames named without zero padding: frame2 comes before frame10, as spell and the app play them.
        Path frames = SharedData.resolve("sequences/t32rahman-webcam/J");
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            Path copy = dir.resolve("frame" + i + ".jpg");
            Files.copy(frames.resolve(String.format("%03d.jpg", i)), copy);
            expected.add(copy.toString());
        }
        Run run = classify(dir.toString(), "--mode", "sequence");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.lines()).extracting(l -> l.get("source").asText()).containsExactlyElementsOf(expected);
        assertThat(run.letters()).last().isEqualTo("J");
    }

    @Test
    void sequenceModeReadsEachPathAsAClipOfItsOwn() throws Exception {
        // Z after J answers as Z alone does: no J motion left in the window, no timestamps carried over.
        Path j = SharedData.resolve("sequences/t32rahman-webcam/J");
        Path z = SharedData.resolve("sequences/t32rahman-webcam/Z");
        Run both = classify(j.toString(), z.toString(), "--mode", "sequence");
        Run alone = classify(z.toString(), "--mode", "sequence");
        assertThat(both.exitCode()).as(both.err()).isZero();
        assertThat(alone.exitCode()).as(alone.err()).isZero();
        assertThat(both.lines()).hasSize(240);
        assertThat(both.lines().subList(120, 240)).containsExactlyElementsOf(alone.lines());
    }
}
