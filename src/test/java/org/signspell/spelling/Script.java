package org.signspell.spelling;

import java.util.ArrayList;
import java.util.List;
import org.signspell.letters.LetterClass;
import org.signspell.letters.Prediction;

/**
 * A signing scenario as a function of time (what the hand shows, and how sure the model is), so one
 * scenario can be sampled at any frame rate and fed to a {@link CommitPolicy}.
 */
final class Script {

    /** A time stamp far from zero, so nothing can depend on the clock starting at zero. */
    static final long START = 7_000_000;

    static final float SURE = 0.95f;

    /** Ends at {@code endMicros} after the start; ends are rounded from summed seconds so they never drift. */
    private record Segment(long endMicros, LetterClass letter, float confidence) {
    }

    /** One frame as fed to the policy. */
    record Frame(long timestampMicros, Prediction prediction) {
    }

    private final List<Segment> segments = new ArrayList<>();
    private double seconds;

    Script hold(LetterClass letter, double seconds) {
        return hold(letter, SURE, seconds);
    }

    Script hold(LetterClass letter, float confidence, double seconds) {
        this.seconds += seconds;
        segments.add(new Segment(Math.round(this.seconds * 1e6), letter, confidence));
        return this;
    }

    Script noHand(double seconds) {
        this.seconds += seconds;
        segments.add(new Segment(Math.round(this.seconds * 1e6), null, 0));
        return this;
    }

    long durationMicros() {
        return segments.isEmpty() ? 0 : segments.get(segments.size() - 1).endMicros();
    }

    /** What the model says at {@code micros} after the start; null for no hand. */
    Prediction at(long micros) {
        for (Segment s : segments) {
            if (micros < s.endMicros()) {
                return s.letter() == null ? null : prediction(s.letter(), s.confidence());
            }
        }
        throw new IllegalArgumentException(micros + " µs is past the end of the script");
    }

    /** Frames at {@code fps}, time stamps {@link #START} + i/fps, covering the whole script. */
    List<Frame> frames(double fps) {
        List<Frame> frames = new ArrayList<>();
        for (long i = 0; ; i++) {
            long t = Math.round(i * 1e6 / fps);
            if (t >= durationMicros()) {
                return frames;
            }
            frames.add(new Frame(START + t, at(t)));
        }
    }

    List<CommitEvent> play(CommitPolicy policy, double fps) {
        return feed(policy, frames(fps));
    }

    static List<CommitEvent> feed(CommitPolicy policy, List<Frame> frames) {
        List<CommitEvent> events = new ArrayList<>();
        for (Frame f : frames) {
            policy.accept(f.timestampMicros(), f.prediction()).ifPresent(events::add);
        }
        return events;
    }

    static String text(List<CommitEvent> events) {
        TextBuffer buffer = new TextBuffer();
        events.forEach(buffer::apply);
        return buffer.text();
    }

    /** A prediction with {@code letter} on top at {@code confidence}; the rest spread over two others. */
    static Prediction prediction(LetterClass letter, float confidence) {
        LetterClass second = letter == LetterClass.NOTHING ? LetterClass.A : LetterClass.NOTHING;
        LetterClass third = letter == LetterClass.Q || second == LetterClass.Q ? LetterClass.R : LetterClass.Q;
        float rest = (1 - confidence) / 2;
        return new Prediction(List.of(
                new Prediction.Scored(letter, confidence),
                new Prediction.Scored(second, rest),
                new Prediction.Scored(third, rest)));
    }
}
