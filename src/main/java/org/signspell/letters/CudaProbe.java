package org.signspell.letters;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks, before ONNX Runtime is asked for CUDA, whether asking can succeed: the GPU build of ONNX Runtime
 * spends seconds unpacking its CUDA provider and then fails when a CUDA library is missing, so the obvious
 * reasons are found here first and told to the user in plain words.
 */
final class CudaProbe {
    /** The CUDA 12 libraries ONNX Runtime 1.23's CUDA provider is linked against (cuDNN 9 runs the LSTM). */
    static final List<String> REQUIRED_LIBRARIES = List.of("libcudart.so.12", "libcublas.so.12",
            "libcublasLt.so.12", "libcufft.so.11", "libcurand.so.10", "libcudnn.so.9");

    private CudaProbe() {
    }

    /** Why CUDA cannot run here, or empty when it is worth trying. */
    static Optional<String> whyUnavailable() {
        if (!OrtEnvironment.getAvailableProviders().contains(OrtProvider.CUDA)) {
            return Optional.of("this build of SignSpell carries the CPU-only ONNX Runtime, which has no CUDA support "
                    + "(SignSpell built with mvn -Pcuda package is needed to use an NVIDIA GPU)");
        }
        if (!Files.exists(Path.of("/proc/driver/nvidia/version")) && !Files.exists(Path.of("/dev/nvidia0"))) {
            return Optional.of("no NVIDIA GPU driver was found on this computer (/proc/driver/nvidia/version is missing)");
        }
        Set<Path> dirs = searchPath(System.getenv("LD_LIBRARY_PATH"), Path.of("/etc/ld.so.conf.d"));
        List<String> missing = new ArrayList<>();
        for (String lib : REQUIRED_LIBRARIES) {
            if (dirs.stream().noneMatch(dir -> Files.exists(dir.resolve(lib)))) {
                missing.add(lib);
            }
        }
        if (!missing.isEmpty()) {
            return Optional.of("the CUDA 12 / cuDNN 9 libraries ONNX Runtime needs are not installed (missing: "
                    + String.join(", ", missing) + "); install the CUDA 12 runtime and cuDNN 9, "
                    + "or add their folder to LD_LIBRARY_PATH");
        }
        return Optional.empty();
    }

    /**
     * Where the dynamic linker will look: LD_LIBRARY_PATH, the folders the system's linker configuration names
     * (NVIDIA's CUDA packages register theirs there, e.g. /usr/local/cuda-12.6/targets/x86_64-linux/lib, which
     * /usr/local/cuda need not point to when several CUDA versions are installed), and the usual defaults.
     */
    static Set<Path> searchPath(String ldLibraryPath, Path ldSoConfD) {
        Set<Path> dirs = new LinkedHashSet<>();
        if (ldLibraryPath != null) {
            for (String d : ldLibraryPath.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        try (Stream<Path> confs = Files.list(ldSoConfD)) {
            for (Path conf : confs.filter(f -> f.toString().endsWith(".conf")).sorted().toList()) {
                for (String line : Files.readAllLines(conf)) {
                    String d = line.strip();
                    if (d.startsWith("/")) {
                        dirs.add(Path.of(d));
                    }
                }
            }
        } catch (IOException | UncheckedIOException | InvalidPathException e) {
            // No readable linker configuration: the defaults below still apply.
        }
        for (String d : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/cuda/lib64",
                "/usr/local/cuda/targets/x86_64-linux/lib", "/usr/local/lib")) {
            dirs.add(Path.of(d));
        }
        return dirs;
    }
}
