package org.signspell.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line itself: help, version and mistyped options, the same for every command. */
class SignSpellCommandTest {

    private static final List<String> COMMANDS = List.of("landmarks", "classify", "spell", "bench", "self-test");

    @Test
    void everyCommandPrintsItsHelpAndTheVersion() {
        for (String command : COMMANDS) {
            CliRun help = CliRun.of(command, "--help");
            assertThat(help.exitCode()).as(command + " --help").isZero();
            assertThat(help.out()).as(command + " --help").startsWith("Usage: signspell " + command);
            CliRun version = CliRun.of(command, "-V");
            assertThat(version.exitCode()).as(command + " -V").isZero();
            assertThat(version.out().strip()).as(command + " -V").isEqualTo(CliRun.of("--version").out().strip()).isNotEmpty();
        }
        assertThat(CliRun.of("--self-test", "--help").exitCode()).isZero();
    }

    @Test
    void defaultsAreSpelledAsTheyAreTyped() {
        // An enum's ${DEFAULT-VALUE} prints its Java name (FRAME) where the option takes "frame".
        for (String command : COMMANDS) {
            String help = CliRun.of(command, "--help").out().replaceAll("\\s+", " ");
            assertThat(help).as(command + " --help").doesNotContainPattern("Default: [A-Z_]{2,}\\b");
        }
        assertThat(CliRun.of("spell", "--help").out()).contains("Default: frame.");
    }

    @Test
    void theListOfCommandsGivesEachOneAWholeSentence() {
        String help = CliRun.of("--help").out();
        String commands = help.substring(help.indexOf("Commands:"));
        for (String command : COMMANDS) {
            int at = commands.indexOf("\n  " + command);
            int next = commands.indexOf("\n  ", at + 1 + command.length());
            while (next >= 0 && commands.startsWith("\n                 ", next)) {
                next = commands.indexOf("\n  ", next + 1);
            }
            String summary = commands.substring(at, next < 0 ? commands.length() : next).strip();
            assertThat(summary).as(command).endsWith(".");
        }
    }

    @Test
    void aMistypedOptionOrValueIsOneLineThatSaysWhereToLookWithStatusTwo() {
        for (String[] args : new String[][] {
                {"classify", "x.png", "--bogus"},
                {"classify", "x.png", "--mode", "foo"},
                {"spell", "x.mp4", "--hand", "both"},
                {"spell", "x.mp4", "--fps", "abc"},
                {"spell", "x.mp4", "--fps", "0"},
                {"landmarks", "x.png", "--max-hands", "3"},
                {"landmarks", "x.png", "--model", "medium"},
                {"landmarks", "x.png", "--static", "--track"},
                {"bench", "x.mp4", "--frames", "0"},
                {"bench", "x.mp4", "--warmup", "-1"},
                {"bench", "x.mp4", "--fps", "-1"},
                {"spell"},
                {"spell", "a.mp4", "b.mp4"}}) {
            CliRun run = CliRun.of(args);
            String what = String.join(" ", args);
            assertThat(run.exitCode()).as(what).isEqualTo(2);
            assertThat(run.err().strip()).as(what).startsWith("signspell: ").doesNotContain("\n")
                    .endsWith("See: signspell " + args[0] + " --help");
            assertThat(run.out()).as(what).isEmpty();
        }
        CliRun typo = CliRun.of("spel", "x.mp4");
        assertThat(typo.exitCode()).isEqualTo(2);
        assertThat(typo.err().strip()).doesNotContain("\n").contains("Did you mean: ").contains("spell");
    }
}
