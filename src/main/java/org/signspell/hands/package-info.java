/**
 * Hand landmarks: MediaPipe Hands (the {@code @mediapipe/hands} 0.4 models) re-implemented on TensorFlow
 * Lite through JavaCPP.
 *
 * <p>Entry point: {@link org.signspell.hands.MediaPipeHandTracker#open(TrackerOptions)}, then
 * {@code process(bgrMat, timestampMicros)} per frame, {@code close()} at the end. The pipeline and its
 * constants follow MediaPipe's graphs ({@code palm_detection_cpu}, {@code hand_landmark_cpu},
 * {@code hand_landmark_tracking_cpu}, {@code hand_landmark_landmarks_to_roi}):
 * <ol>
 *   <li>palm detection on the frame letterboxed to 192×192 (black borders), 2016 SSD anchors, sigmoid
 *       scores clipped at ±100, weighted non-maximum suppression at IoU 0.3;</li>
 *   <li>hand ROI from the palm: rotation wrist → middle-finger MCP made vertical, shift −0.5, square on
 *       the long side, scale 2.6;</li>
 *   <li>landmark model on the rotated 224×224 crop (edge pixels repeated outside the image), landmarks
 *       projected back, z divided by 0.4 and scaled like x, world landmarks turned by the ROI rotation;</li>
 *   <li>tracking: the next ROI from this frame's landmarks (palm subset, scale 2.0, shift −0.1); palm
 *       detection is skipped while {@code maxHands} hands are tracked; a hand is dropped when presence
 *       falls below the threshold.</li>
 * </ol>
 *
 * <p>Handedness is MediaPipe's label, which assumes a mirrored (selfie) image: on an un-mirrored frame
 * "Left" is the signer's right hand.
 *
 * <p>Where MediaPipe's CPU and GPU builds differ (crop sampling at pixel centres or corners), this follows
 * the GPU build that produced the reference answers; see {@code ImageToTensor}.
 */
package org.signspell.hands;
