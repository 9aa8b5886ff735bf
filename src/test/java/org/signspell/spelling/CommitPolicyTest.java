package org.signspell.spelling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.signspell.letters.LetterClass.A;
import static org.signspell.letters.LetterClass.B;
import static org.signspell.letters.LetterClass.DEL;
import static org.signspell.letters.LetterClass.E;
import static org.signspell.letters.LetterClass.H;
import static org.signspell.letters.LetterClass.I;
import static org.signspell.letters.LetterClass.L;
import static org.signspell.letters.LetterClass.NOTHING;
import static org.signspell.letters.LetterClass.O;
import static org.signspell.letters.LetterClass.SPACE;
import static org.signspell.spelling.Script.START;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;

class CommitPolicyTest {

    private static final double[] RATES = {15, 24, 30, 60};

    private static CommitPolicy policy() {
        return new CommitPolicy();
    }

    /** The time stamp of the first frame at or after {@code seconds}, as {@link Script#frames} makes them. */
    private static long firstFrameFrom(double seconds, double fps) {
        return START + Math.round(Math.ceil(seconds * fps - 1e-9) * 1e6 / fps);
    }

    /**
     * The frame that completes the 0.4 s window of a hold beginning at {@code holdStartSeconds}: each frame
     * stands for one frame interval, so it is the first frame at or after the window less one interval.
     */
    private static long commitFrame(double holdStartSeconds, double fps) {
        return firstFrameFrom(holdStartSeconds + 0.4 - 1 / fps, fps);
    }

    private static List<Script.Frame> frames(long startMicros, double fps, double seconds, Prediction p) {
        List<Script.Frame> frames = new ArrayList<>();
        for (long i = 0; Math.round(i * 1e6 / fps) < Math.round(seconds * 1e6); i++) {
            frames.add(new Script.Frame(startMicros + Math.round(i * 1e6 / fps), p));
        }
        return frames;
    }

    @Nested
    class StabilityWindow {

        @ParameterizedTest
        @ValueSource(doubles = {15, 24, 30, 60})
        void commitsOnceTheClassHasBeenHeldForTheWindow(double fps) {
            List<CommitEvent> events = new Script().hold(A, 1.0).play(policy(), fps);

            assertThat(events).hasSize(1);
            CommitEvent e = events.get(0);
            assertThat(e.kind()).isEqualTo(CommitEvent.Kind.LETTER);
            assertThat(e.letter()).isEqualTo(A);
            // The frame that completes 0.4 s of holding, each frame counted for one interval, commits.
            assertThat(e.timestampMicros()).isEqualTo(commitFrame(0, fps));
            long frame = Math.round(1e6 / fps);
            assertThat(e.timestampMicros() - START).isBetween(400_000L - frame, 400_000L);
        }

        @ParameterizedTest
        @ValueSource(doubles = {7.5, 9, 12, 15, 24, 30, 60})
        void aHoldOfTheWindowCommitsAtEveryRate(double fps) {
            // Counted only from the first frame's time stamp to the last's, this hold fell one interval short
            // at 9, 12 and 24 fps, where no frame lands on 0.4 s.
            assertThat(Script.text(new Script().hold(A, 0.401).hold(NOTHING, 1).play(policy(), fps)))
                    .isEqualTo("A");
        }

        @ParameterizedTest
        @ValueSource(doubles = {4.2, 5, 6, 15, 30})
        void aLetterAfterAnotherClassNeedsNoMoreFramesThanAfterNoHand(double fps) {
            // The hold before it ends as soon as its interruption, each frame counted for its interval, is past
            // the tolerance. Counted from the first interrupting stamp only, at 4-5 fps nothing's hold broke on
            // the letter's third frame, and a letter signed for 0.4-0.6 s after nothing was lost.
            double seconds = Math.ceil(0.4 * fps - 1e-9) / fps;
            assertThat(Script.text(new Script().noHand(1).hold(A, seconds).noHand(1).play(policy(), fps)))
                    .as("after no hand").isEqualTo("A");
            assertThat(Script.text(new Script().hold(NOTHING, 1).hold(A, seconds).noHand(1).play(policy(), fps)))
                    .as("after nothing").isEqualTo("A");
            assertThat(Script.text(new Script().hold(B, 1).hold(A, seconds).hold(L, seconds).noHand(1)
                    .play(policy(), fps))).as("letter after letter").isEqualTo("BAL");
        }

        @ParameterizedTest
        @ValueSource(doubles = {7.5, 15, 24, 30, 60})
        void doesNotCommitAHoldShorterThanTheWindowByAFrame(double fps) {
            double seconds = 0.4 - 1 / fps - 0.001;
            assertThat(new Script().hold(A, seconds).hold(NOTHING, 1).hold(B, seconds).noHand(1)
                    .play(policy(), fps)).isEmpty();
        }

        @Test
        void commitsOnTheFrameThatCompletesTheWindow() {
            CommitPolicy policy = policy();
            for (long t = 0; t < 350_000; t += 50_000) {
                assertThat(policy.accept(START + t, Script.prediction(A, Script.SURE))).isEmpty();
            }
            // Its time stamp is 0.35 s after the first frame's, and it stands for the 50 ms after that.
            assertThat(policy.accept(START + 350_000, Script.prediction(A, Script.SURE)))
                    .contains(new CommitEvent(CommitEvent.Kind.LETTER, A, START + 350_000));
        }

        @Test
        void confidenceExactlyAtTheThresholdSupportsAndJustBelowDoesNot() {
            assertThat(new Script().hold(A, 0.7f, 1).play(policy(), 30)).hasSize(1);
            assertThat(new Script().hold(A, 0.6999f, 3).play(policy(), 30)).isEmpty();
            assertThat(new Script().hold(A, 0.5f, 1)
                    .play(new CommitPolicy(CommitSettings.DEFAULTS.withConfidenceThreshold(0.5f)), 30)).hasSize(1);
        }

        @Test
        void aLongerWindowCommitsLater() {
            CommitSettings settings = CommitSettings.DEFAULTS.withStabilityWindow(Duration.ofMillis(800));
            List<CommitEvent> events = new Script().hold(A, 1.0).play(new CommitPolicy(settings), 30);
            assertThat(events).extracting(CommitEvent::timestampMicros)
                    .containsExactly(firstFrameFrom(0.8 - 1.0 / 30, 30));
        }

        @Test
        void nothingNeverCommits() {
            CommitPolicy policy = policy();
            assertThat(new Script().hold(NOTHING, 5).play(policy, 30)).isEmpty();
            assertThat(policy.holdProgress()).isEqualTo(HoldProgress.NONE);
        }
    }

    /** The settings sheet's Apply: new rules while the source goes on. */
    @Nested
    class SettingsChangedWhileRunning {

        /** Feeds {@code script} at 30 fps, changing the settings at the first frame at or after {@code atSeconds}. */
        private List<CommitEvent> playChangingAt(Script script, double atSeconds, CommitSettings newSettings,
                                                 CommitPolicy policy) {
            List<CommitEvent> events = new ArrayList<>();
            for (Script.Frame f : script.frames(30)) {
                if (f.timestampMicros() == firstFrameFrom(atSeconds, 30)) {
                    policy.changeSettings(newSettings);
                }
                policy.accept(f.timestampMicros(), f.prediction()).ifPresent(events::add);
            }
            return events;
        }

        @Test
        void aLowerThresholdTakesEffectAndTheHoldStartsAgainUnderIt() {
            CommitPolicy policy = policy();
            List<CommitEvent> events = playChangingAt(new Script().hold(A, 0.6f, 2.0), 1.0,
                    CommitSettings.DEFAULTS.withConfidenceThreshold(0.5f), policy);
            assertThat(events).extracting(CommitEvent::timestampMicros).containsExactly(commitFrame(1.0, 30));
            assertThat(policy.settings().confidenceThreshold()).isEqualTo(0.5f);
        }

        @Test
        void theLetterStillHeldIsNotWrittenAgainButTheNextOneTakesTheNewWindow() {
            CommitSettings longer = CommitSettings.DEFAULTS.withStabilityWindow(Duration.ofMillis(800));
            List<CommitEvent> events = playChangingAt(new Script().hold(A, 2.0).hold(NOTHING, 0.4).hold(B, 1.0),
                    1.0, longer, policy());
            assertThat(Script.text(events)).isEqualTo("AB");
            assertThat(events.get(1).timestampMicros()).isEqualTo(firstFrameFrom(2.4 + 0.8 - 1.0 / 30, 30));
        }
    }

    @Nested
    class FrameRateIndependence {

        private Script hello() {
            return new Script()
                    .noHand(0.5)
                    .hold(H, 0.6).hold(NOTHING, 0.3)
                    .hold(E, 0.6).noHand(0.3)
                    .hold(L, 0.6).hold(NOTHING, 0.25)
                    .hold(L, 0.6).hold(A, 0.6).hold(DEL, 0.5).hold(NOTHING, 0.3)
                    .hold(O, 0.6).hold(SPACE, 0.6).noHand(0.5);
        }

        @Test
        void theSameSigningGivesTheSameTextAndTimesAtEveryRate() {
            List<CommitEvent> reference = hello().play(policy(), 60);
            assertThat(Script.text(reference)).isEqualTo("HELLO ");
            for (double fps : RATES) {
                List<CommitEvent> events = hello().play(policy(), fps);
                assertThat(Script.text(events)).as("text at %s fps", fps).isEqualTo("HELLO ");
                assertThat(events).extracting(CommitEvent::kind)
                        .as("kinds at %s fps", fps)
                        .containsExactlyElementsOf(reference.stream().map(CommitEvent::kind).toList());
                for (int i = 0; i < events.size(); i++) {
                    // Each commit comes at the first frame past the same instant: within one frame at 15 fps.
                    assertThat((double) events.get(i).timestampMicros())
                            .as("commit %d at %s fps", i, fps)
                            .isCloseTo(reference.get(i).timestampMicros(), within(1e6 / 15));
                }
            }
        }

        @Test
        void holdProgressIsTheFractionOfTheWindowAtAnyRate() {
            for (double fps : new double[] {15, 60}) {
                CommitPolicy policy = policy();
                assertThat(policy.holdProgress()).isEqualTo(HoldProgress.NONE);
                // Frames standing for the first 0.2 s: the last of them begins one interval before 0.2 s.
                for (Script.Frame f : frames(START, fps, 0.2 - 1 / fps + 1e-6, Script.prediction(A, Script.SURE))) {
                    policy.accept(f.timestampMicros(), f.prediction());
                }
                HoldProgress progress = policy.holdProgress();
                assertThat(progress.held()).isEqualTo(A);
                assertThat(progress.fraction()).as("at %s fps", fps).isCloseTo(0.5, within(1e-9));
                assertThat(progress.repeat()).isFalse();
            }
        }
    }

    @Nested
    class HoldProgressCue {

        @Test
        void showsTheRepeatSegmentAfterACommitAndNothingForADisarmedClassWithoutRepeat() {
            CommitPolicy policy = policy();
            new Script().hold(A, 0.4 + 0.6 - 1.0 / 30 + 1e-6).play(policy, 30);
            // Committed once 0.4 s was held; the repeat needs 1.2 s more, half of which the frames stand for.
            assertThat(policy.holdProgress().held()).isEqualTo(A);
            assertThat(policy.holdProgress().repeat()).isTrue();
            assertThat(policy.holdProgress().fraction()).isCloseTo(0.5, within(1e-9));

            CommitPolicy once = new CommitPolicy(CommitSettings.DEFAULTS.withoutRepeat());
            new Script().hold(A, 1.0).play(once, 30);
            assertThat(once.holdProgress()).isEqualTo(HoldProgress.NONE);
        }

        @Test
        void dropsWhenTheHandGoes() {
            CommitPolicy policy = policy();
            new Script().hold(B, 0.3).noHand(0.2).play(policy, 30);
            assertThat(policy.holdProgress()).isEqualTo(HoldProgress.NONE);
        }
    }

    @Nested
    class Rearming {

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void holdingOnDoesNotCommitAgainBeforeTheRepeatDelay(double fps) {
            assertThat(Script.text(new Script().hold(A, 1.5).play(policy(), fps))).isEqualTo("A");
        }

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void rearmsAfterNothing(double fps) {
            Script s = new Script().hold(L, 0.6).hold(NOTHING, 0.2).hold(L, 0.6);
            assertThat(Script.text(s.play(policy(), fps))).isEqualTo("LL");
        }

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void rearmsAfterNoHand(double fps) {
            Script s = new Script().hold(L, 0.6).noHand(0.2).hold(L, 0.6);
            assertThat(Script.text(s.play(policy(), fps))).isEqualTo("LL");
        }

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void rearmsAfterAnotherClassEvenOneTooShortOrTooUnsureToCommit(double fps) {
            assertThat(Script.text(new Script().hold(A, 0.6).hold(B, 0.6).hold(A, 0.6).play(policy(), fps)))
                    .isEqualTo("ABA");
            assertThat(Script.text(new Script().hold(A, 0.6).hold(B, 0.2).hold(A, 0.6).play(policy(), fps)))
                    .isEqualTo("AA");
            assertThat(Script.text(new Script().hold(A, 0.6).hold(B, 0.4f, 0.2).hold(A, 0.6).play(policy(), fps)))
                    .isEqualTo("AA");
        }

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void aConfidenceDipWithTheSameClassOnTopDoesNotRearm(double fps) {
            Script s = new Script().hold(A, 0.6).hold(A, 0.5f, 0.3).hold(A, 0.6);
            assertThat(Script.text(s.play(policy(), fps))).isEqualTo("A");
        }

        @Test
        void anInterruptionWithinTheGlitchToleranceDoesNotRearm() {
            // One frame of "nothing" at 15 fps lasts 67 ms, within the 70 ms tolerance.
            Script s = new Script().hold(A, 0.6).hold(NOTHING, 1.0 / 15).hold(A, 0.6);
            assertThat(Script.text(s.play(policy(), 15))).isEqualTo("A");
            // Two frames (133 ms) are a real change.
            Script longer = new Script().hold(A, 0.6).hold(NOTHING, 2.0 / 15).hold(A, 0.6);
            assertThat(Script.text(longer.play(policy(), 15))).isEqualTo("AA");
        }

        @Test
        void aDifferentClassTakesOverFromItsFirstFrame() {
            List<CommitEvent> events = new Script().hold(A, 0.6).hold(B, 0.6).play(policy(), 30);
            assertThat(events).extracting(CommitEvent::letter).containsExactly(A, B);
            assertThat(events.get(1).timestampMicros()).isEqualTo(commitFrame(0.6, 30));
        }
    }

    @Nested
    class RepeatOnLongHold {

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void repeatsAfterTheRepeatDelayAndAgainAfterEachFurtherDelay(double fps) {
            List<CommitEvent> events = new Script().hold(L, 3.0).play(policy(), fps);
            assertThat(Script.text(events)).isEqualTo("LLL");
            long frame = Math.round(1e6 / fps);
            assertThat(events.get(0).timestampMicros() - START).isBetween(400_000L - frame, 400_000L);
            assertThat(events.get(1).timestampMicros() - START).isBetween(1_600_000L - frame, 1_600_000L);
            assertThat(events.get(2).timestampMicros() - START).isBetween(2_800_000L - frame, 2_800_000L);
        }

        @Test
        void theRepeatDelayIsConfigurableAndCanBeTurnedOff() {
            CommitPolicy fast = new CommitPolicy(CommitSettings.DEFAULTS.withRepeatAfter(Duration.ofMillis(500)));
            assertThat(new Script().hold(L, 1.0).play(fast, 30))
                    .extracting(CommitEvent::timestampMicros)
                    .containsExactly(commitFrame(0, 30), firstFrameFrom(0.9 - 1.0 / 30, 30));

            CommitPolicy never = new CommitPolicy(CommitSettings.DEFAULTS.withoutRepeat());
            assertThat(Script.text(new Script().hold(L, 10).play(never, 30))).isEqualTo("L");
        }

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void lettersDrawnInTheAirDoNotRepeatButCanBeSignedAgainAfterARearm(double fps) {
            assertThat(Script.text(new Script().hold(LetterClass.J, 4.0).play(policy(), fps))).isEqualTo("J");
            assertThat(Script.text(new Script().hold(LetterClass.Z, 4.0).play(policy(), fps))).isEqualTo("Z");
            assertThat(Script.text(new Script().hold(LetterClass.Z, 1.0).hold(NOTHING, 0.3)
                    .hold(LetterClass.Z, 1.0).play(policy(), fps))).isEqualTo("ZZ");
        }

        @Test
        void aResumedHoldOfADisarmedClassNeedsTheWindowPlusTheRepeatDelay() {
            // The dip breaks the hold without re-arming; the resumed hold starts at 0.9 s.
            List<CommitEvent> events = new Script().hold(A, 0.6).hold(A, 0.5f, 0.3).hold(A, 2.0).play(policy(), 30);
            assertThat(events).extracting(CommitEvent::timestampMicros)
                    .containsExactly(commitFrame(0, 30), firstFrameFrom(0.9 + 1.6 - 1.0 / 30, 30));
        }
    }

    @Nested
    class SpaceAndDelete {

        @Test
        void spaceAndDelFollowTheSameRules() {
            Script s = new Script()
                    .hold(H, 0.6).hold(NOTHING, 0.2)
                    .hold(I, 0.6).hold(NOTHING, 0.2)
                    .hold(SPACE, 0.6).hold(NOTHING, 0.2)
                    .hold(A, 0.6).hold(NOTHING, 0.2)
                    .hold(DEL, 0.6).hold(NOTHING, 0.2)
                    .hold(O, 0.6);
            List<CommitEvent> events = s.play(policy(), 30);
            assertThat(events).extracting(CommitEvent::kind).containsExactly(
                    CommitEvent.Kind.LETTER, CommitEvent.Kind.LETTER, CommitEvent.Kind.SPACE,
                    CommitEvent.Kind.LETTER, CommitEvent.Kind.DELETE, CommitEvent.Kind.LETTER);
            assertThat(events).extracting(CommitEvent::letter).containsExactly(H, I, SPACE, A, DEL, O);
            assertThat(Script.text(events)).isEqualTo("HI O");
        }

        @Test
        void holdingDelDeletesAgainLikeAHeldKey() {
            List<CommitEvent> events = new Script().hold(H, 0.6).hold(E, 0.6).hold(L, 0.6).hold(DEL, 1.7)
                    .play(policy(), 30);
            assertThat(Script.text(events)).isEqualTo("H");
        }

        @Test
        void aShortDelIsIgnored() {
            assertThat(Script.text(new Script().hold(H, 0.6).hold(DEL, 0.3).hold(NOTHING, 1).play(policy(), 30)))
                    .isEqualTo("H");
        }
    }

    @Nested
    class AutoSpace {

        private final CommitPolicy auto = new CommitPolicy(
                CommitSettings.DEFAULTS.withAutoSpaceAfter(Duration.ofSeconds(1)));

        @Test
        void isOffByDefault() {
            assertThat(CommitSettings.DEFAULTS.autoSpaceAfter()).isEmpty();
            assertThat(Script.text(new Script().hold(H, 0.6).noHand(5).hold(I, 0.6).play(policy(), 30)))
                    .isEqualTo("HI");
        }

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void aPauseLongerThanTheSettingInsertsOneSpace(double fps) {
            CommitPolicy policy = new CommitPolicy(CommitSettings.DEFAULTS.withAutoSpaceAfter(Duration.ofSeconds(1)));
            List<CommitEvent> events = new Script().hold(H, 0.6).noHand(1.5).hold(I, 0.6).play(policy, fps);
            assertThat(Script.text(events)).isEqualTo("H I");
            CommitEvent space = events.get(1);
            assertThat(space.kind()).isEqualTo(CommitEvent.Kind.AUTO_SPACE);
            assertThat(space.letter()).isNull();
            long frame = Math.round(1e6 / fps);
            assertThat(space.timestampMicros() - START).isBetween(1_600_000L, 1_600_000L + frame);
        }

        @Test
        void aShorterPauseInsertsNothing() {
            assertThat(Script.text(new Script().hold(H, 0.6).noHand(0.9).hold(I, 0.6).play(auto, 30)))
                    .isEqualTo("HI");
        }

        @Test
        void neverTwoSpacesInARow() {
            Script s = new Script().hold(H, 0.6).noHand(3).hold(NOTHING, 0.3).noHand(3).hold(I, 0.6).noHand(3);
            List<CommitEvent> events = s.play(auto, 30);
            assertThat(Script.text(events)).isEqualTo("H I ");
            assertThat(events).extracting(CommitEvent::kind).containsExactly(CommitEvent.Kind.LETTER,
                    CommitEvent.Kind.AUTO_SPACE, CommitEvent.Kind.LETTER, CommitEvent.Kind.AUTO_SPACE);
        }

        @Test
        void notAfterASignedSpace() {
            assertThat(Script.text(new Script().hold(H, 0.6).hold(SPACE, 0.6).noHand(3).play(auto, 30)))
                    .isEqualTo("H ");
        }

        @Test
        void neverAtTheStart() {
            assertThat(new Script().noHand(5).hold(NOTHING, 0.5).noHand(5).play(auto, 30)).isEmpty();
        }

        @Test
        void theBufferRefusesAnAutoSpaceAtTheStartOrAfterWhiteSpace() {
            CommitEvent autoSpace = new CommitEvent(CommitEvent.Kind.AUTO_SPACE, null, 0);
            TextBuffer buffer = new TextBuffer();
            buffer.apply(autoSpace);
            assertThat(buffer.text()).isEmpty();
            buffer.append("HI\n");
            buffer.apply(autoSpace);
            assertThat(buffer.text()).isEqualTo("HI\n");
            buffer.replaceAll("HI");
            buffer.apply(autoSpace);
            buffer.apply(autoSpace);
            assertThat(buffer.text()).isEqualTo("HI ");
        }
    }

    @Nested
    class TimestampGaps {

        @Test
        void aPausedVideoDoesNotCountAsHolding() {
            CommitPolicy policy = policy();
            List<Script.Frame> frames = new ArrayList<>(frames(START, 30, 0.3, Script.prediction(A, Script.SURE)));
            frames.addAll(frames(START + 5_000_000, 30, 0.3, Script.prediction(A, Script.SURE)));
            assertThat(Script.feed(policy, frames)).isEmpty();
            // The hold restarted with the first frame after the gap and completes 0.4 s with the frame that
            // begins one interval before 0.4 s after it.
            List<CommitEvent> later = Script.feed(policy,
                    frames(START + 5_300_000, 30, 0.2, Script.prediction(A, Script.SURE)));
            assertThat(later).extracting(CommitEvent::timestampMicros).containsExactly(commitFrame(5.0, 30));
        }

        @Test
        void aTimestampGoingBackwardsRestartsTheHold() {
            List<Script.Frame> frames = new ArrayList<>(frames(START, 30, 0.3, Script.prediction(A, Script.SURE)));
            frames.addAll(frames(START - 1_000_000, 30, 0.3, Script.prediction(A, Script.SURE)));
            assertThat(Script.feed(policy(), frames)).isEmpty();
        }

        @Test
        void aGapDoesNotCountAsANoHandPauseNorRearm() {
            CommitPolicy auto = new CommitPolicy(CommitSettings.DEFAULTS.withAutoSpaceAfter(Duration.ofSeconds(1)));
            List<Script.Frame> frames = new ArrayList<>(new Script().hold(H, 0.6).noHand(0.6).frames(30));
            long resume = START + 60_000_000;
            frames.addAll(frames(resume, 30, 0.6, null));
            assertThat(Script.text(Script.feed(auto, frames))).isEqualTo("H");

            // A committed letter stays disarmed across a gap: the video paused on the same letter.
            CommitPolicy policy = policy();
            List<Script.Frame> held = new ArrayList<>(frames(START, 30, 0.6, Script.prediction(A, Script.SURE)));
            held.addAll(frames(resume, 30, 0.6, Script.prediction(A, Script.SURE)));
            assertThat(Script.text(Script.feed(policy, held))).isEqualTo("A");
        }

        @Test
        void slowButSteadyFramesStillHold() {
            // 5 fps: 200 ms between frames, under the 250 ms max frame gap; two frames stand for 0.4 s.
            assertThat(new Script().hold(A, 1.0).play(policy(), 5))
                    .extracting(CommitEvent::timestampMicros).containsExactly(START + 200_000);
            // 3 fps, every step over the max frame gap: the first interval is taken for the rate, and two
            // frames stand for 0.4 s. (Before, nothing was ever written below 4 fps.)
            assertThat(new Script().hold(A, 1.2).play(policy(), 3))
                    .extracting(CommitEvent::timestampMicros).containsExactly(START + 333_333);
            assertThat(Script.text(new Script().hold(H, 1).hold(NOTHING, 0.7).hold(I, 1).play(policy(), 2)))
                    .isEqualTo("HI");
            // At 2 fps one frame stands for 0.5 s, longer than the window: one misread frame is not a letter.
            assertThat(Script.text(new Script().hold(H, 1).hold(E, 0.5).hold(NOTHING, 1).play(policy(), 2))).isEqualTo("H");
        }

        @Test
        void aLaptopThatSlowsDownStillSpellsOnceThreeSlowStepsInARowShowTheRate() {
            CommitPolicy policy = policy();
            List<Script.Frame> frames = new ArrayList<>(frames(START, 30, 1.0, Script.prediction(NOTHING, Script.SURE)));
            frames.addAll(frames(START + 1_000_000, 3, 1.8, Script.prediction(A, Script.SURE)));
            // Steps 1.0→1.33, 1.33→1.67 and 1.67→2.0 s are gaps, the third teaches the rate; the hold starts
            // again at 2.0 s and 2.33 s completes it.
            assertThat(Script.feed(policy, frames)).extracting(CommitEvent::timestampMicros)
                    .containsExactly(START + 2_333_333);
        }

        @Test
        void lateFramesAsACameraOpensDoNotLetTwoFramesCommit() {
            // The first frames come late (a camera settling as it opens), then 30 fps: B on two frames, 67 ms.
            for (long[] lateSteps : new long[][] {{33_333}, {600_000}, {600_000, 600_000}}) {
                List<Script.Frame> frames = new ArrayList<>();
                long t = START;
                frames.add(new Script.Frame(t, null));
                for (long step : lateSteps) {
                    frames.add(new Script.Frame(t += step, null));
                }
                for (int i = 0; i < 30; i++) {
                    frames.add(new Script.Frame(t += 33_333, Script.prediction(i < 2 ? B : NOTHING, Script.SURE)));
                }
                assertThat(Script.feed(policy(), frames)).as("first steps %s µs", Arrays.toString(lateSteps)).isEmpty();
            }
        }

        @Test
        void oneQuickFrameAtASlowRateDoesNotMakeTheStepsAfterItGaps() {
            // 3 fps; then one frame 40 ms after another (a duplicate from the camera, say), as the second interval
            // or once the rate is known.
            for (int stepsBefore : new int[] {0, 1}) {
                List<Script.Frame> frames = new ArrayList<>();
                long t = START;
                frames.add(new Script.Frame(t, Script.prediction(NOTHING, Script.SURE)));
                for (int i = 0; i < stepsBefore; i++) {
                    frames.add(new Script.Frame(t += 333_333, Script.prediction(NOTHING, Script.SURE)));
                }
                frames.add(new Script.Frame(t += 333_333, Script.prediction(A, Script.SURE)));
                frames.add(new Script.Frame(t += 40_000, Script.prediction(A, Script.SURE)));
                for (int i = 0; i < 2; i++) {
                    frames.add(new Script.Frame(t += 333_333, Script.prediction(A, Script.SURE)));
                }
                frames.add(new Script.Frame(t += 333_333, Script.prediction(NOTHING, Script.SURE)));
                assertThat(Script.text(Script.feed(policy(), frames))).as("%d steps before", stepsBefore).isEqualTo("A");
            }
        }

        @Test
        void stallsAmongRegularFramesAreNeverTakenForARate() {
            CommitPolicy policy = policy();
            List<Script.Frame> frames = new ArrayList<>();
            for (int burst = 0; burst < 10; burst++) {
                // 0.3 s of frames at 30 fps, then a 0.3 s stall: no 0.4 s of holding ever happens.
                frames.addAll(frames(START + burst * 600_000L, 30, 0.3, Script.prediction(A, Script.SURE)));
            }
            assertThat(Script.feed(policy, frames)).isEmpty();
            // A step over a second is no rate, however regular.
            assertThat(new Script().hold(A, 10).play(policy(), 0.9)).isEmpty();
        }
    }

    @Nested
    class Flicker {

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void confidenceFlickeringAroundTheThresholdNeverCommits(double fps) {
            List<Script.Frame> frames = new ArrayList<>();
            for (int i = 0; i < fps * 5; i++) {
                float confidence = i % 2 == 0 ? 0.95f : 0.5f;
                frames.add(new Script.Frame(START + Math.round(i * 1e6 / fps), Script.prediction(A, confidence)));
            }
            assertThat(Script.feed(policy(), frames)).isEmpty();
        }

        @Test
        void oneLowFrameAt15FpsIsForgivenAndTheHoldCommitsOnTime() {
            Script s = new Script().hold(A, 0.2).hold(A, 0.4f, 1.0 / 15).hold(A, 0.5);
            assertThat(s.play(policy(), 15)).extracting(CommitEvent::timestampMicros)
                    .containsExactly(commitFrame(0, 15));
        }

        @Test
        void twoLowFramesAt15FpsBreakTheHold() {
            Script s = new Script().hold(A, 0.2).hold(A, 0.4f, 2.0 / 15).hold(A, 0.5);
            assertThat(s.play(policy(), 15)).extracting(CommitEvent::timestampMicros)
                    .containsExactly(commitFrame(0.2 + 2.0 / 15, 15));
        }

        @Test
        void aOneFrameOtherClassIsForgivenNeitherCommittedNorRearming() {
            Script s = new Script().hold(A, 0.2).hold(B, 1.0 / 15).hold(A, 0.6).hold(B, 1.0 / 15).hold(A, 0.6);
            List<CommitEvent> events = s.play(policy(), 15);
            assertThat(events).extracting(CommitEvent::letter).containsExactly(A);
            assertThat(events.get(0).timestampMicros()).isEqualTo(commitFrame(0, 15));
        }

        @ParameterizedTest
        @ValueSource(doubles = {5, 8, 10, 12})
        void belowFifteenFpsOneMisreadFrameStillNeitherBreaksAHoldNorRearms(double fps) {
            // 70 ms is less than one frame here; a fixed tolerance spelled "AA" for this one long A.
            Script glitch = new Script().hold(A, 0.6).hold(NOTHING, 1 / fps).hold(A, 0.6);
            assertThat(Script.text(glitch.play(policy(), fps))).isEqualTo("A");
            Script low = new Script().hold(A, 0.2).hold(A, 0.4f, 1 / fps).hold(A, 0.6);
            // The misread frame cannot commit: at 5 fps it is the one that completes the window.
            assertThat(low.play(policy(), fps)).extracting(CommitEvent::timestampMicros)
                    .containsExactly(firstFrameFrom(Math.max(0.4 - 1 / fps, 0.2 + 1 / fps), fps));
        }

        @ParameterizedTest
        @ValueSource(doubles = {8, 10, 12})
        void belowFifteenFpsTwoMisreadFramesStillBreakTheHold(double fps) {
            Script s = new Script().hold(A, 3 / fps).hold(A, 0.4f, 2 / fps).hold(A, 1.0);
            assertThat(s.play(policy(), fps)).extracting(CommitEvent::timestampMicros)
                    .containsExactly(commitFrame(5 / fps, fps));
            Script other = new Script().hold(A, 0.6).hold(NOTHING, 2 / fps).hold(A, 0.6);
            assertThat(Script.text(other.play(policy(), fps))).isEqualTo("AA");
        }

        @Test
        void zeroToleranceStaysZeroAtSlowRates() {
            CommitPolicy strict = new CommitPolicy(CommitSettings.DEFAULTS.withGlitchTolerance(Duration.ZERO));
            Script s = new Script().hold(A, 0.2).hold(A, 0.4f, 0.1).hold(A, 0.6);
            assertThat(s.play(strict, 10)).extracting(CommitEvent::timestampMicros)
                    .containsExactly(commitFrame(0.3, 10));
        }

        @Test
        void zeroToleranceMakesEveryFrameCount() {
            CommitPolicy strict = new CommitPolicy(CommitSettings.DEFAULTS.withGlitchTolerance(Duration.ZERO));
            Script s = new Script().hold(A, 0.2).hold(A, 0.4f, 1.0 / 15).hold(A, 0.5);
            assertThat(s.play(strict, 15)).extracting(CommitEvent::timestampMicros)
                    .containsExactly(commitFrame(0.2 + 1.0 / 15, 15));
        }

        @Test
        void theToleranceIsABudgetBetweenCommitsNotPerInterruption() {
            // At 60 fps one frame in four is another class: each 17 ms glitch alone is forgiven, but the
            // fifth within 0.4 s exceeds the 70 ms budget, so 75 % agreement is not enough.
            List<Script.Frame> frames = new ArrayList<>();
            for (int i = 0; i < 60 * 3; i++) {
                LetterClass c = i % 4 == 3 ? B : A;
                frames.add(new Script.Frame(START + Math.round(i * 1e6 / 60), Script.prediction(c, Script.SURE)));
            }
            assertThat(Script.feed(policy(), frames)).isEmpty();
        }
    }

    @Nested
    class WholeWindowMustAgree {

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void twoAlternatingClassesNeverCommit(double fps) {
            // The peers' check np.unique(preds[-10:])[0] == argmax commits A here: A sorts first and is often top.
            List<Script.Frame> frames = new ArrayList<>();
            for (int i = 0; i < fps * 5; i++) {
                frames.add(new Script.Frame(START + Math.round(i * 1e6 / fps),
                        Script.prediction(i % 2 == 0 ? A : B, Script.SURE)));
            }
            assertThat(Script.feed(policy(), frames)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(doubles = {15, 30, 60})
        void aClassOnTwoFramesInThreeNeverCommits(double fps) {
            List<Script.Frame> frames = new ArrayList<>();
            for (int i = 0; i < fps * 5; i++) {
                frames.add(new Script.Frame(START + Math.round(i * 1e6 / fps),
                        Script.prediction(i % 3 == 2 ? B : A, Script.SURE)));
            }
            assertThat(Script.feed(policy(), frames)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(longs = {1, 2, 3, 4, 5})
        void everyCommitIsBackedByItsWholeWindowInRandomSigning(long seed) {
            Random random = new Random(seed);
            LetterClass[] classes = {A, B, L, NOTHING, SPACE, DEL};
            Script script = new Script();
            for (int i = 0; i < 200; i++) {
                double seconds = 0.01 + random.nextDouble() * 0.8;
                int pick = random.nextInt(classes.length + 2);
                if (pick == classes.length) {
                    script.noHand(seconds);
                } else if (pick == classes.length + 1) {
                    script.hold(classes[random.nextInt(classes.length)], 0.3f + random.nextFloat() * 0.4f, seconds);
                } else {
                    script.hold(classes[pick], 0.7f + random.nextFloat() * 0.3f, seconds);
                }
            }
            for (double fps : RATES) {
                List<Script.Frame> frames = script.frames(fps);
                CommitPolicy policy = policy();
                int commits = 0;
                for (int i = 0; i < frames.size(); i++) {
                    Script.Frame f = frames.get(i);
                    var event = policy.accept(f.timestampMicros(), f.prediction());
                    if (event.isEmpty() || event.get().kind() == CommitEvent.Kind.AUTO_SPACE) {
                        continue;
                    }
                    commits++;
                    LetterClass held = event.get().letter();
                    assertThat(f.prediction().letter()).isEqualTo(held);
                    // Frames not supporting the class within the last window add up to the tolerance at most.
                    long offTime = 0;
                    for (int j = i - 1; j >= 0 && frames.get(j).timestampMicros() > f.timestampMicros() - 400_000; j--) {
                        Prediction p = frames.get(j).prediction();
                        if (p == null || p.letter() != held || p.confidence() < 0.7f) {
                            offTime += frames.get(j + 1).timestampMicros() - frames.get(j).timestampMicros();
                        }
                    }
                    assertThat(offTime).as("unsupported time before commit %d at %s fps", commits, fps)
                            .isLessThanOrEqualTo(70_000);
                }
                assertThat(commits).as("random signing at %s fps commits something", fps).isPositive();
            }
        }
    }

    @Test
    void isDeterministic() {
        Script s = new Script().hold(A, 0.5).hold(B, 0.1).hold(A, 0.2f, 0.3).noHand(1).hold(L, 3).hold(DEL, 0.5);
        assertThat(s.play(policy(), 30)).isEqualTo(s.play(policy(), 30));
    }

    @Test
    void resetForgetsTheDisarmedClass() {
        CommitPolicy policy = policy();
        assertThat(Script.text(new Script().hold(A, 0.6).play(policy, 30))).isEqualTo("A");
        policy.reset();
        assertThat(Script.text(new Script().hold(A, 0.6).play(policy, 30))).isEqualTo("A");
    }
}
