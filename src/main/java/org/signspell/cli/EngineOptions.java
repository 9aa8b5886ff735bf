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
            description = "Per-frame or sequence mode (the last second of motion; J and Z need it). Default: ${DEFAULT-VALUE}.")
    RecognitionMode mode = RecognitionMode.FRAME;

    @Option(names = "--provider", paramLabel = "cpu|cuda", converter = ProviderConverter.class,
            description = "Where the letter model runs; CUDA falls back to the CPU with a note. Default: cpu.")
    ExecutionProvider provider = ExecutionProvider.CPU;

    @Option(names = "--hand", paramLabel = "right|left|auto", converter = HandConverter.class,
            description = "The signing hand: with two hands in view, the one read; auto reads the first found. "
                    + "Default: right.")
    SigningHand hand = SigningHand.RIGHT;

    @Option(names = "--fps", paramLabel = "N", description = "Rate a folder of frames is played at. Default: ${DEFAULT-VALUE}.")
    double fps = 30.0;

    @Option(names = "--model", paramLabel = "full|lite", converter = ModelConverter.class,
            description = "Hand landmark and palm models. Default: full.")
    ModelVariant model = ModelVariant.FULL;

    /** The settings these options give; a rate the engine refuses is the user's error, said in one line. */
    EngineSettings settings() {
        EngineSettings defaults = EngineSettings.defaults();
        EngineSettings played;
        try {
            played = defaults.withFolderFps(fps);
        } catch (IllegalArgumentException e) {
            String given = Double.isFinite(fps) && fps == Math.rint(fps) ? String.valueOf((long) fps) : String.valueOf(fps);
            throw new UserError("--fps must be a positive number of frames a second, not " + given + ".", e);
        }
        return played.withMode(mode).withProvider(provider).withSigningHand(hand)
                .withTracker(defaults.tracker().withModel(model));
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
