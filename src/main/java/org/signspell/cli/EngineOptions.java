package org.signspell.cli;

import org.signspell.engine.EngineSettings;
import org.signspell.engine.RecognitionMode;
import org.signspell.engine.SigningHand;
import org.signspell.hands.ModelVariant;
import org.signspell.letters.ExecutionProvider;
import picocli.CommandLine.Option;

/** The engine options `spell` and `bench` share. */
final class EngineOptions {

    @Option(names = "--mode", paramLabel = "frame|sequence", converter = ModeConverter.class,
            description = "Per-frame or sequence mode (the last second of motion; J and Z need it). Default: frame.")
    RecognitionMode mode = RecognitionMode.FRAME;

    @Option(names = "--provider", paramLabel = "cpu|cuda", converter = ProviderConverter.class,
            description = "Where the letter model runs; CUDA falls back to the CPU with a note. Default: cpu.")
    ExecutionProvider provider = ExecutionProvider.CPU;

    @Option(names = "--hand", paramLabel = "right|left|auto", converter = HandConverter.class,
            description = "The signing hand: with two hands in view, the one read; auto reads the first found. "
                    + "Default: right.")
    SigningHand hand = SigningHand.RIGHT;

    @Option(names = "--fps", paramLabel = "N", converter = RateConverter.class,
            description = "Rate a folder of frames is played at. Default: ${DEFAULT-VALUE}.")
    double fps = 30.0;

    @Option(names = "--model", paramLabel = "full|lite", converter = ModelConverter.class,
            description = "Hand landmark and palm models. Default: full.")
    ModelVariant model = ModelVariant.FULL;

    /** The settings these options give. */
    EngineSettings settings() {
        EngineSettings defaults = EngineSettings.defaults();
        return defaults.withFolderFps(fps).withMode(mode).withProvider(provider).withSigningHand(hand)
                .withTracker(defaults.tracker().withModel(model));
    }

    /** A value out of range is a mistyped option like any other: one line, the command's --help, status 2. */
    static final class RateConverter implements picocli.CommandLine.ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            double rate;
            try {
                rate = Double.parseDouble(value);
            } catch (NumberFormatException e) {
                rate = Double.NaN;
            }
            if (!(rate > 0) || Double.isInfinite(rate)) {
                throw new picocli.CommandLine.TypeConversionException(
                        "expected a positive number of frames a second, got " + value);
            }
            return rate;
        }
    }

    /** A whole number of at least {@code least}; see {@link RateConverter}. */
    abstract static class AtLeast implements picocli.CommandLine.ITypeConverter<Integer> {
        private final int least;

        AtLeast(int least) {
            this.least = least;
        }

        @Override
        public Integer convert(String value) {
            int n;
            try {
                n = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                n = least - 1;
            }
            if (n < least) {
                throw new picocli.CommandLine.TypeConversionException(
                        "expected a whole number of at least " + least + ", got " + value);
            }
            return n;
        }
    }

    static final class AtLeastOne extends AtLeast {
        AtLeastOne() {
            super(1);
        }
    }

    static final class AtLeastZero extends AtLeast {
        AtLeastZero() {
            super(0);
        }
    }

    static final class ModeConverter implements picocli.CommandLine.ITypeConverter<RecognitionMode> {
        @Override
        public RecognitionMode convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "frame" -> RecognitionMode.FRAME;
                case "sequence", "seq" -> RecognitionMode.SEQUENCE;
                default -> throw new picocli.CommandLine.TypeConversionException("expected frame or sequence, got " + value);
            };
        }
    }

    static final class ProviderConverter implements picocli.CommandLine.ITypeConverter<ExecutionProvider> {
        @Override
        public ExecutionProvider convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "cpu" -> ExecutionProvider.CPU;
                case "cuda", "gpu" -> ExecutionProvider.CUDA;
                default -> throw new picocli.CommandLine.TypeConversionException("expected cpu or cuda, got " + value);
            };
        }
    }

    static final class HandConverter implements picocli.CommandLine.ITypeConverter<SigningHand> {
        @Override
        public SigningHand convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "right" -> SigningHand.RIGHT;
                case "left" -> SigningHand.LEFT;
                case "auto" -> SigningHand.AUTO;
                default -> throw new picocli.CommandLine.TypeConversionException("expected right, left or auto, got " + value);
            };
        }
    }

    static final class ModelConverter implements picocli.CommandLine.ITypeConverter<ModelVariant> {
        @Override
        public ModelVariant convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "full" -> ModelVariant.FULL;
                case "lite" -> ModelVariant.LITE;
                default -> throw new picocli.CommandLine.TypeConversionException("expected full or lite, got " + value);
            };
        }
    }
}
