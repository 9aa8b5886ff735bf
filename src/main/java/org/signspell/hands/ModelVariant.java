package org.signspell.hands;

/**
 * Which pair of MediaPipe Hands models to run, as MediaPipe's {@code model_complexity} picks them:
 * FULL is complexity 1 (the reference answers were made with it), LITE is complexity 0.
 */
public enum ModelVariant {
    FULL("palm_detection_full.tflite", "hand_landmark_full.tflite"),
    LITE("palm_detection_lite.tflite", "hand_landmark_lite.tflite");

    private final String palmModel;
    private final String landmarkModel;

    ModelVariant(String palmModel, String landmarkModel) {
        this.palmModel = palmModel;
        this.landmarkModel = landmarkModel;
    }

    /** File name of the palm detection model inside the classpath folder {@code /mediapipe/}. */
    public String palmModel() {
        return palmModel;
    }

    /** File name of the hand landmark model inside the classpath folder {@code /mediapipe/}. */
    public String landmarkModel() {
        return landmarkModel;
    }
}
