package org.signspell.hands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Landmark projection, next-frame ROI and ROI association, on hand-made inputs. */
class LandmarkMathTest {
    private static final float EPS = 1e-5f;

    @Test
    void projectionMapsCropPixelsThroughTheRotatedRoi() {
        NormRect roi = new NormRect(0.5f, 0.4f, 0.3f, 0.4f, (float) (Math.PI / 2));
        float[] raw = new float[63];
        raw[0] = 112f;   // crop centre
        raw[1] = 112f;
        raw[2] = 22.4f;  // z: 22.4 / 224 / 0.4 = 0.25 of the crop width
        raw[3] = 224f;   // right edge of the crop...
        raw[4] = 112f;
        float[] image = LandmarkStage.project(raw, roi);
        assertThat(image[0]).isCloseTo(0.5f, within(EPS));
        assertThat(image[1]).isCloseTo(0.4f, within(EPS));
        assertThat(image[2]).isCloseTo(0.25f * 0.3f, within(EPS));
        // ...is below the centre once the crop is turned a quarter clockwise.
        assertThat(image[3]).isCloseTo(0.5f, within(EPS));
        assertThat(image[4]).isCloseTo(0.4f + 0.5f * 0.4f, within(EPS));
    }

    @Test
    void worldLandmarksTurnWithTheRoiAndKeepDepth() {
        float[] raw = new float[63];
        raw[0] = 0.01f;
        raw[2] = 0.02f;
        float[] world = LandmarkStage.rotateWorld(raw, (float) (Math.PI / 2));
        assertThat(world[0]).isCloseTo(0f, within(EPS));
        assertThat(world[1]).isCloseTo(0.01f, within(EPS));
        assertThat(world[2]).isEqualTo(0.02f);
    }

    @Test
    void nextRoiFromUprightAndTurnedHandsHasTheSameSizeAndTheHandsRotation() {
        float[] upright = syntheticHand(0.5f, 0.5f, 0f);
        NormRect a = LandmarkRoi.fromLandmarks(upright, 400, 400);
        assertThat(a.rotation()).isCloseTo(0f, within(EPS));
        float[] turned = syntheticHand(0.5f, 0.5f, (float) (Math.PI / 2));
        NormRect b = LandmarkRoi.fromLandmarks(turned, 400, 400);
        assertThat(b.rotation()).isCloseTo((float) (Math.PI / 2), within(1e-4f));
        assertThat(b.width()).isCloseTo(a.width(), within(1e-4f));
        // Square long side of the palm subset's extent (0.2 × 0.3) times 2, shifted 0.1 towards the fingers.
        assertThat(a.width()).isCloseTo(0.6f, within(1e-4f));
        assertThat(a.yCenter()).isCloseTo(0.5f - 0.1f * 0.3f, within(1e-4f));
        assertThat(b.xCenter()).isCloseTo(0.5f + 0.1f * 0.3f, within(1e-4f));
    }

    @Test
    void associationPrefersTrackedRoisAndDropsDuplicatesAndExtraHands() {
        NormRect tracked = new NormRect(0.5f, 0.5f, 0.3f, 0.3f, 0f);
        NormRect palmOnSameHand = new NormRect(0.52f, 0.5f, 0.3f, 0.3f, 0.3f);
        NormRect palmElsewhere = new NormRect(0.1f, 0.1f, 0.1f, 0.1f, 0f);
        assertThat(MediaPipeHandTracker.associate(List.of(palmOnSameHand, palmElsewhere), List.of(tracked), 2))
                .containsExactly(palmElsewhere, tracked);
        NormRect trackedTwin = new NormRect(0.51f, 0.5f, 0.3f, 0.3f, 0f);
        assertThat(MediaPipeHandTracker.associate(List.of(), List.of(tracked, trackedTwin), 2))
                .containsExactly(trackedTwin);
        NormRect otherTracked = new NormRect(0.8f, 0.8f, 0.1f, 0.1f, 0f);
        assertThat(MediaPipeHandTracker.associate(List.of(palmElsewhere), List.of(tracked, otherTracked), 2))
                .containsExactly(tracked, otherTracked);
        assertThat(MediaPipeHandTracker.associate(List.of(palmElsewhere, palmOnSameHand), List.of(), 1))
                .as("palms best first: the weakest goes").containsExactly(palmElsewhere);
        // A new hand's palm (best) and a second palm on the tracked hand that the association did not merge:
        // the extra palm goes, not the new hand.
        NormRect palmBesideTracked = new NormRect(0.62f, 0.5f, 0.3f, 0.3f, 0f);
        assertThat(MediaPipeHandTracker.associate(List.of(palmElsewhere, palmBesideTracked), List.of(tracked), 2))
                .containsExactly(palmElsewhere, tracked);
    }

    /**
     * A stylised hand whose palm-subset points span 0.2 wide and 0.3 tall around (cx, cy) when upright,
     * turned by {@code rotation} (clockwise on screen).
     */
    private static float[] syntheticHand(float cx, float cy, float rotation) {
        float[][] upright = new float[21][];
        for (int i = 0; i < 21; i++) {
            upright[i] = new float[] {0f, 0f};
        }
        upright[0] = new float[] {0f, 0.15f};        // wrist
        upright[1] = new float[] {-0.1f, 0.1f};      // thumb base
        upright[2] = new float[] {-0.1f, 0.05f};
        upright[3] = new float[] {-0.1f, 0f};
        upright[5] = new float[] {-0.05f, -0.05f};   // index MCP
        upright[6] = new float[] {-0.05f, -0.15f};
        upright[9] = new float[] {0f, -0.05f};       // middle MCP
        upright[10] = new float[] {0f, -0.15f};
        upright[13] = new float[] {0.05f, -0.05f};   // ring MCP
        upright[14] = new float[] {0.05f, -0.15f};
        upright[17] = new float[] {0.1f, -0.03f};
        upright[18] = new float[] {0.1f, -0.1f};
        float cos = (float) Math.cos(rotation);
        float sin = (float) Math.sin(rotation);
        float[] xyz = new float[63];
        for (int i = 0; i < 21; i++) {
            float x = upright[i][0];
            float y = upright[i][1];
            xyz[3 * i] = cx + cos * x - sin * y;
            xyz[3 * i + 1] = cy + sin * x + cos * y;
        }
        return xyz;
    }
}
