package org.signspell.letters;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtProvider;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        List<String> missing = new ArrayList<>();
        for (String lib : REQUIRED_LIBRARIES) {
            if (findLibrary(lib).isEmpty()) {
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

    static Optional<Path> findLibrary(String name) {
        for (Path dir : searchPath()) {
            Path candidate = dir.resolve(name);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static Set<Path> searchPath() {
        Set<Path> dirs = new LinkedHashSet<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String d : ld.split(File.pathSeparator)) {
                if (!d.isBlank()) {
                    dirs.add(Path.of(d));
                }
            }
        }
        for (String d : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/cuda/lib64",
                "/usr/local/cuda/targets/x86_64-linux/lib", "/usr/local/lib")) {
            dirs.add(Path.of(d));
        }
        return dirs;
    }
}
