package org.signspell.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the CUDA probe looks for the libraries: where the dynamic linker would find them. */
class CudaProbeTest {

    @Test
    void looksWhereTheLinkerLooksLdLibraryPathFirstThenTheLinkerConfigurationThenTheDefaults(@TempDir Path confD)
            throws IOException {
        // As NVIDIA's packages leave it with two CUDA versions: /usr/local/cuda points at 13, 12 is registered.
        Files.writeString(confD.resolve("zz-cuda-13-0.conf"), "/usr/local/cuda-13.0/lib\n");
        Files.writeString(confD.resolve("cuda-12-6.conf"), "# CUDA 12.6\n/usr/local/cuda-12.6/targets/x86_64-linux/lib\n"
                + "include other.conf\n\n");
        Files.writeString(confD.resolve("notes.txt"), "/not/a/linker/folder\n");

        List<Path> dirs = new ArrayList<>(CudaProbe.searchPath("/opt/cudnn/lib::/opt/cuda12/lib", confD));

        assertThat(dirs.subList(0, 4)).containsExactly(Path.of("/opt/cudnn/lib"), Path.of("/opt/cuda12/lib"),
                Path.of("/usr/local/cuda-12.6/targets/x86_64-linux/lib"), Path.of("/usr/local/cuda-13.0/lib"));
        assertThat(dirs).contains(Path.of("/usr/lib/x86_64-linux-gnu"), Path.of("/usr/local/cuda/lib64"))
                .doesNotContain(Path.of("/not/a/linker/folder"), Path.of("include other.conf"));
    }

    @Test
    void withoutLinkerConfigurationTheDefaultsStillApply(@TempDir Path tmp) {
        assertThat(CudaProbe.searchPath(null, tmp.resolve("missing")))
                .startsWith(Path.of("/usr/lib/x86_64-linux-gnu"))
                .contains(Path.of("/usr/local/cuda/targets/x86_64-linux/lib"));
    }
}
