package org.signspell.hands;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** MediaPipe's own answers under shared/data/reference, as plain data. */
record ReferenceAnswers(String file, int width, int height, List<Hand> hands) {

    record Hand(String handedness, float score, float[] landmarks, float[] world) {
    }

    static List<ReferenceAnswers> read(Path json) {
        try {
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            List<ReferenceAnswers> answers = new ArrayList<>();
            for (JsonNode photo : root) {
                List<Hand> hands = new ArrayList<>();
                for (JsonNode hand : photo.get("hands")) {
                    hands.add(new Hand(hand.get("handedness").asText(), (float) hand.get("score").asDouble(),
                            flatten(hand.get("landmarks")), flatten(hand.get("worldLandmarks"))));
                }
                answers.add(new ReferenceAnswers(photo.get("file").asText(), photo.get("width").asInt(),
                        photo.get("height").asInt(), hands));
            }
            return answers;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static float[] flatten(JsonNode points) {
        float[] xyz = new float[points.size() * 3];
        for (int i = 0; i < points.size(); i++) {
            for (int c = 0; c < 3; c++) {
                xyz[3 * i + c] = (float) points.get(i).get(c).asDouble();
            }
        }
        return xyz;
    }

    /** Diagonal of the bounding box of the 21 landmarks, in pixels. */
    static double handSize(float[] xyz, int width, int height) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < xyz.length / 3; i++) {
            minX = Math.min(minX, xyz[3 * i] * width);
            maxX = Math.max(maxX, xyz[3 * i] * width);
            minY = Math.min(minY, xyz[3 * i + 1] * height);
            maxY = Math.max(maxY, xyz[3 * i + 1] * height);
        }
        return Math.hypot(maxX - minX, maxY - minY);
    }

    /** Image-plane distance between landmark {@code i} of two sets, in pixels. */
    static double distance(float[] a, float[] b, int i, int width, int height) {
        return Math.hypot((a[3 * i] - b[3 * i]) * width, (a[3 * i + 1] - b[3 * i + 1]) * height);
    }
}
