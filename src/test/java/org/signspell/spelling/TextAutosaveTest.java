package org.signspell.spelling;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextAutosaveTest {

    @TempDir
    Path dir;

    /** Records what the window would be told. */
    static final class Reports implements TextAutosave.Listener {
        final List<String> events = new ArrayList<>();
        Path setAside;

        @Override
        public void saveFailed(Path file, Exception cause) {
            events.add("saveFailed");
        }

        @Override
        public void saveRecovered(Path file) {
            events.add("saveRecovered");
        }

        @Override
        public void restoreFailed(Path file, Path setAside, Exception cause) {
            events.add("restoreFailed");
            this.setAside = setAside;
        }
    }

    private final Reports reports = new Reports();

    private Path textFile() {
        return dir.resolve("nested").resolve("signspell").resolve(TextAutosave.FILE_NAME);
    }

    private List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyChangeIsOnDiskAndComesBackAtTheNextStart() throws IOException {
        TextAutosave autosave = new TextAutosave(textFile(), reports);
        TextBuffer buffer = autosave.openBuffer();
        assertThat(buffer.text()).isEmpty();

        buffer.append("HELLO");
        assertThat(Files.readString(textFile())).isEqualTo("HELLO");
        buffer.append(" wörld ✋ 👋");
        assertThat(Files.readString(textFile())).isEqualTo("HELLO wörld ✋ 👋");
        buffer.clear();
        assertThat(Files.readString(textFile())).isEmpty();
        buffer.undo();
        assertThat(Files.readString(textFile())).isEqualTo("HELLO wörld ✋ 👋");
        buffer.append("\nsecond line\n");

        TextBuffer restarted = new TextAutosave(textFile(), reports).openBuffer();
        assertThat(restarted.text()).isEqualTo("HELLO wörld ✋ 👋\nsecond line\n");
        assertThat(restarted.canUndo()).isFalse();
        assertThat(reports.events).isEmpty();
        assertThat(filesIn(textFile().getParent())).as("no temporary file is left behind")
                .containsExactly(TextAutosave.FILE_NAME);
    }

    @Test
    void aMissingFileIsAnEmptyTextNotAnError() {
        assertThat(new TextAutosave(textFile(), reports).restore()).isEmpty();
        assertThat(reports.events).isEmpty();
    }

    @Test
    void aCorruptFileIsSetAsideAndTheAppStartsEmpty() throws IOException {
        Path file = textFile();
        Files.createDirectories(file.getParent());
        byte[] garbage = {'H', 'I', (byte) 0xC3, (byte) 0x28, (byte) 0xFF};
        Files.write(file, garbage);

        TextAutosave autosave = new TextAutosave(file, reports);
        TextBuffer buffer = autosave.openBuffer();

        assertThat(buffer.text()).isEmpty();
        assertThat(reports.events).containsExactly("restoreFailed");
        assertThat(reports.setAside).isEqualTo(file.resolveSibling("text.txt.bad"));
        assertThat(Files.readAllBytes(reports.setAside)).isEqualTo(garbage);
        assertThat(file).doesNotExist();

        buffer.append("NEW");
        assertThat(Files.readString(file)).isEqualTo("NEW");

        // A second bad file does not overwrite the first one kept aside.
        Files.write(file, new byte[4096]);
        Reports second = new Reports();
        assertThat(new TextAutosave(file, second).restore()).isEmpty();
        assertThat(second.setAside).isEqualTo(file.resolveSibling("text.txt.1.bad"));
        assertThat(Files.readAllBytes(reports.setAside)).isEqualTo(garbage);
    }

    @Test
    void aFolderWhereTheFileShouldBeIsSetAsideToo() throws IOException {
        Path file = textFile();
        Files.createDirectories(file);
        TextAutosave autosave = new TextAutosave(file, reports);
        assertThat(autosave.restore()).isEmpty();
        assertThat(reports.events).containsExactly("restoreFailed");
        assertThat(reports.setAside).isDirectory();
        assertThat(autosave.save("ok")).isTrue();
        assertThat(Files.readString(file)).isEqualTo("ok");
    }

    @Test
    void aByteOrderMarkFromAnEditorIsNotPartOfTheText() throws IOException {
        Path file = textFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "\uFEFFedited by hand", StandardCharsets.UTF_8);
        assertThat(new TextAutosave(file, reports).restore()).isEqualTo("edited by hand");
        assertThat(reports.events).isEmpty();
    }

    @Test
    void temporaryFilesOfAKilledSaveAreRemovedAtRestore() throws IOException {
        Path file = textFile();
        Files.createDirectories(file.getParent());
        Files.writeString(file, "kept");
        Files.writeString(file.resolveSibling("text.txt.123456.tmp"), "half writ");
        Files.writeString(file.resolveSibling("notes.tmp"), "not ours");

        assertThat(new TextAutosave(file, reports).restore()).isEqualTo("kept");
        assertThat(filesIn(file.getParent())).containsExactly("notes.tmp", "text.txt");
    }

    /** A plain file where the text's folder should be: saving cannot work, whoever runs the test (root included). */
    private Path blocker() throws IOException {
        return Files.writeString(dir.resolve("blocked"), "a file, not a folder");
    }

    @Test
    void aFailedSaveNeverThrowsKeepsTheTextAndIsReportedUntilItRecovers() throws IOException {
        Path blocker = blocker();
        Path file = blocker.resolve(TextAutosave.FILE_NAME);
        TextAutosave autosave = new TextAutosave(file, reports);
        TextBuffer buffer = autosave.openBuffer();

        buffer.append("A");
        buffer.append("B");
        assertThat(buffer.text()).isEqualTo("AB");
        assertThat(autosave.isFailing()).isTrue();
        assertThat(reports.events).containsExactly("saveFailed", "saveFailed");

        Files.delete(blocker);
        buffer.append("C");
        assertThat(autosave.isFailing()).isFalse();
        assertThat(reports.events).containsExactly("saveFailed", "saveFailed", "saveRecovered");
        assertThat(Files.readString(file)).isEqualTo("ABC");
    }

    @Test
    void aTextNobodyChangesAgainIsSavedByARetryOnceSavingWorksAgain() throws IOException {
        Path blocker = blocker();
        Path file = blocker.resolve(TextAutosave.FILE_NAME);
        TextAutosave autosave = new TextAutosave(file, reports);
        TextBuffer buffer = autosave.openBuffer();
        buffer.append("LAST WORDS");
        assertThat(autosave.retry(buffer)).as("still blocked").isFalse();
        assertThat(reports.events).containsExactly("saveFailed", "saveFailed");

        Files.delete(blocker);
        assertThat(autosave.retry(buffer)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("LAST WORDS");
        assertThat(reports.events).containsExactly("saveFailed", "saveFailed", "saveRecovered");
        // Nothing failing: a retry writes nothing.
        Files.writeString(file, "changed outside");
        assertThat(autosave.retry(buffer)).isTrue();
        assertThat(Files.readString(file)).isEqualTo("changed outside");
    }

    @Test
    void aLinkedTextFileIsSavedWhereTheLinkPointsAndStaysALink() throws IOException {
        Path synced = Files.createDirectories(dir.resolve("synced"));
        Path real = Files.writeString(synced.resolve("my-text.txt"), "HELLO");
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("data")).resolve(TextAutosave.FILE_NAME),
                real);
        TextAutosave autosave = new TextAutosave(link, reports);
        TextBuffer buffer = autosave.openBuffer();
        assertThat(buffer.text()).isEqualTo("HELLO");
        buffer.append(" WORLD");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("HELLO WORLD");
        assertThat(reports.events).isEmpty();
    }

    @Test
    void aLinkToAFileNotMadeYetIsAnEmptyTextAndTheTextGoesWhereItPoints() throws IOException {
        Path real = Files.createDirectories(dir.resolve("synced")).resolve("my-text.txt");
        Path link = Files.createSymbolicLink(Files.createDirectories(dir.resolve("data")).resolve(TextAutosave.FILE_NAME),
                real);
        TextBuffer buffer = new TextAutosave(link, reports).openBuffer();
        assertThat(buffer.text()).isEmpty();
        buffer.append("HELLO");
        assertThat(reports.events).as("nothing was damaged: the linked file is not there yet").isEmpty();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(real).hasContent("HELLO");
    }

    @Test
    void aFailingListenerDoesNotMakeSavingThrow() throws IOException {
        Path blocker = blocker();
        TextAutosave autosave = new TextAutosave(blocker.resolve(TextAutosave.FILE_NAME), new TextAutosave.Listener() {
            @Override
            public void saveFailed(Path file, Exception cause) {
                throw new IllegalStateException("broken view");
            }
        });
        TextBuffer buffer = autosave.openBuffer();
        buffer.append("x");
        assertThat(buffer.text()).isEqualTo("x");
        assertThat(autosave.save("y")).isFalse();
    }
}
