package org.signspell.letters;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import ai.onnxruntime.providers.OrtCUDAProviderOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The letter model (models/letters.onnx) in ONNX Runtime: one environment and one session for the app's life.
 *
 * <p>Input: normalised landmarks ({@link LandmarkNormalizer}), {@code seqLen} frames of 63 floats, oldest
 * first; seq 1 is per-frame mode, seq 32 sequence mode. Input and output tensors are made once per sequence
 * length over direct buffers and reused, so a prediction allocates no native tensor.
 *
 * <p>Not thread-safe: one inference thread owns the model.
 */
public final class LetterModel implements AutoCloseable {
    /** The window length the model was trained for in sequence mode. */
    public static final int WINDOW = 32;
    /**
     * Time between the frames of a sequence-mode window: the model learnt J and Z from recordings at about
     * 30 fps (the t32rahman sequences are 33 ms apart), read at 0.6 to 1.6 times their pace.
     */
    public static final long WINDOW_FRAME_INTERVAL_MICROS = 33_333;
    static final String MODEL_RESOURCE = "/models/letters.onnx";
    static final String LABELS_RESOURCE = "/models/labels.txt";
    private static final String INPUT = "landmarks";
    private static final String OUTPUT = "logits";
    private static final int CLASSES = LetterClass.values().length;

    private final OrtEnvironment env;
    private final OrtSession session;
    private final ExecutionProvider active;
    private final String providerNote;
    private final FloatBuffer[] inputBuffers = new FloatBuffer[WINDOW + 1];
    private final OnnxTensor[] inputTensors = new OnnxTensor[WINDOW + 1];
    private final List<Map<String, OnnxTensor>> inputMaps = new ArrayList<>();
    private final FloatBuffer logitsBuffer;
    private final OnnxTensor logitsTensor;
    private final Map<String, OnnxTensor> outputMap;
    private final float[] logits = new float[CLASSES];
    private final int[] order = new int[3];

    private LetterModel(OrtEnvironment env, OrtSession session, ExecutionProvider active, String providerNote)
            throws OrtException {
        this.env = env;
        this.session = session;
        this.active = active;
        this.providerNote = providerNote;
        for (int i = 0; i <= WINDOW; i++) {
            inputMaps.add(null);
        }
        logitsBuffer = directFloats(CLASSES);
        logitsTensor = OnnxTensor.createTensor(env, logitsBuffer, new long[] {1, CLASSES});
        outputMap = Map.of(OUTPUT, logitsTensor);
        // The two lengths the app uses are ready before the first frame.
        inputFor(1);
        inputFor(WINDOW);
    }

    /**
     * Why {@link #open} would not even try CUDA here (a CPU-only ONNX Runtime, no NVIDIA driver, CUDA libraries
     * missing), so that a window can say so before the user asks; empty when CUDA is worth trying.
     */
    public static Optional<String> whyCudaUnavailable() {
        return CudaProbe.whyUnavailable();
    }

    /** Opens the model shipped in the jar, on the CPU. */
    public static LetterModel open() {
        return open(ExecutionProvider.CPU);
    }

    /**
     * Opens the model shipped in the jar. CUDA, when requested but unusable here, falls back to the CPU;
     * {@link #activeProvider()} and {@link #providerNote()} say what runs and why.
     *
     * @throws LetterModelException when the model or its labels are missing or damaged
     */
    public static LetterModel open(ExecutionProvider requested) {
        return open(requested, readResource(MODEL_RESOURCE), readResource(LABELS_RESOURCE));
    }

    static LetterModel open(ExecutionProvider requested, byte[] model, byte[] labels) {
        checkLabels(labels);
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        String note = "running on the CPU";
        if (requested == ExecutionProvider.CUDA) {
            Optional<String> why = CudaProbe.whyUnavailable();
            if (why.isEmpty()) {
                LetterModel onGpu = null;
                try {
                    onGpu = wrap(env, createSession(env, model, true), ExecutionProvider.CUDA,
                            "running on the NVIDIA GPU (CUDA)");
                } catch (OrtException | RuntimeException e) {
                    why = Optional.of("ONNX Runtime could not start CUDA: " + firstLine(e.getMessage()));
                }
                if (onGpu != null) {
                    try {
                        // A session can start and still fail at its first computation (GPU memory, a cuDNN
                        // that does not match the driver): found here, it falls back like any other failure
                        // instead of failing every frame after the CPU model is gone.
                        onGpu.firstRun();
                        return onGpu;
                    } catch (RuntimeException e) {
                        onGpu.close();
                        why = Optional.of("CUDA started but could not run the letter model: " + firstLine(e.getMessage()));
                    }
                }
            }
            note = "CUDA was requested but is not available, so the letter model runs on the CPU instead: " + why.get();
        }
        LetterModel onCpu;
        try {
            onCpu = wrap(env, createSession(env, model, false), ExecutionProvider.CPU, note);
        } catch (OrtException e) {
            throw damaged(e);
        }
        try {
            onCpu.firstRun();
        } catch (RuntimeException e) {
            onCpu.close();
            throw damaged(e);
        }
        return onCpu;
    }

    private static LetterModelException damaged(Exception e) {
        return new LetterModelException("The letter model " + MODEL_RESOURCE + " could not be loaded ("
                + firstLine(e.getMessage()) + "); it is damaged or not an ONNX model: rebuild it with models/train.sh.", e);
    }

    /** One run of each length the app uses, so a model or provider that loads but cannot compute is found at open. */
    private void firstRun() {
        float[] zeros = new float[WINDOW * LandmarkNormalizer.SIZE];
        logits(zeros, 1);
        logits(zeros, WINDOW);
    }

    private static LetterModel wrap(OrtEnvironment env, OrtSession session, ExecutionProvider provider, String note)
            throws OrtException {
        try {
            return new LetterModel(env, session, provider, note);
        } catch (OrtException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    private static OrtSession createSession(OrtEnvironment env, byte[] model, boolean cuda) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions();
                OrtCUDAProviderOptions cudaOptions = cuda ? new OrtCUDAProviderOptions(0) : null) {
            // One intra-op thread: a 32-step LSTM is too small to split, and a second thread makes p99 jump.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            if (cudaOptions != null) {
                // ONNX Runtime lets cuBLAS round float products to TF32 (10-bit mantissa) by default; a model
                // this small gains no speed from it, and the letters must not depend on which device ran them.
                cudaOptions.add("use_tf32", "0");
                options.addCUDA(cudaOptions);
            }
            OrtSession session = env.createSession(model, options);
            try {
                checkSignature(session);
            } catch (OrtException | RuntimeException e) {
                session.close();
                throw e;
            }
            return session;
        }
    }

    private static void checkSignature(OrtSession session) throws OrtException {
        NodeInfo in = session.getInputInfo().get(INPUT);
        NodeInfo out = session.getOutputInfo().get(OUTPUT);
        if (in == null || out == null || !(in.getInfo() instanceof TensorInfo ti) || !(out.getInfo() instanceof TensorInfo to)
                || ti.getShape().length != 4 || to.getShape().length != 2 || to.getShape()[1] != CLASSES) {
            throw new LetterModelException("The letter model " + MODEL_RESOURCE + " has the wrong inputs or outputs "
                    + "(expected landmarks [batch, seq, 21, 3] -> logits [batch, " + CLASSES + "]): rebuild it with models/train.sh.");
        }
    }

    private static byte[] readResource(String name) {
        try (InputStream in = LetterModel.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new LetterModelException("The letter model file " + name + " is missing from the application: "
                        + "reinstall SignSpell, or rebuild with `mvn package` from a checkout that has models/letters.onnx "
                        + "and models/labels.txt.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new LetterModelException("The letter model file " + name + " could not be read: " + e.getMessage(), e);
        }
    }

    static void checkLabels(byte[] labelsFile) {
        List<String> labels = new String(labelsFile, StandardCharsets.UTF_8).lines().map(String::strip)
                .filter(s -> !s.isEmpty()).toList();
        List<String> expected = Arrays.stream(LetterClass.values()).map(LetterClass::label).toList();
        if (!labels.equals(expected)) {
            throw new LetterModelException("The letter model's labels (" + LABELS_RESOURCE + ") do not match this "
                    + "version of SignSpell: expected " + expected + " but found " + labels
                    + "; the model and the program come from different builds.");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static FloatBuffer directFloats(int n) {
        return ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }

    private Map<String, OnnxTensor> inputFor(int seqLen) throws OrtException {
        Map<String, OnnxTensor> map = inputMaps.get(seqLen);
        if (map == null) {
            FloatBuffer buffer = directFloats(seqLen * LandmarkNormalizer.SIZE);
            OnnxTensor tensor = OnnxTensor.createTensor(env, buffer, new long[] {1, seqLen, 21, 3});
            inputBuffers[seqLen] = buffer;
            inputTensors[seqLen] = tensor;
            map = Map.of(INPUT, tensor);
            inputMaps.set(seqLen, map);
        }
        return map;
    }

    /**
     * Classifies one window.
     *
     * @param normalizedWindow at least {@code seqLen * 63} floats: {@code seqLen} normalised frames, oldest first
     * @param seqLen           1 (per-frame mode) to {@link #WINDOW}
     */
    public Prediction predict(float[] normalizedWindow, int seqLen) {
        float[] raw = logits(normalizedWindow, seqLen);
        return top3(raw);
    }

    /**
     * The raw logits for one window, in {@link LetterClass} order. The returned array is reused by the next
     * call: copy it to keep it.
     */
    public float[] logits(float[] normalizedWindow, int seqLen) {
        if (seqLen < 1 || seqLen > WINDOW) {
            throw new IllegalArgumentException("seqLen must be 1.." + WINDOW + ", got " + seqLen);
        }
        int n = seqLen * LandmarkNormalizer.SIZE;
        if (normalizedWindow.length < n) {
            throw new IllegalArgumentException("need " + n + " floats for " + seqLen + " frames, got " + normalizedWindow.length);
        }
        try {
            Map<String, OnnxTensor> input = inputFor(seqLen);
            FloatBuffer buffer = inputBuffers[seqLen];
            buffer.clear();
            buffer.put(normalizedWindow, 0, n);
            // Outputs are pinned to our own tensor; the Result owns nothing we need to free beyond itself.
            try (OrtSession.Result ignored = session.run(input, outputMap)) {
                logitsBuffer.get(0, logits);
            }
            return logits;
        } catch (OrtException e) {
            throw new LetterModelException("The letter model failed to run: " + firstLine(e.getMessage()), e);
        }
    }

    private Prediction top3(float[] raw) {
        float max = Float.NEGATIVE_INFINITY;
        for (float v : raw) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : raw) {
            sum += Math.exp(v - max);
        }
        Arrays.fill(order, -1);
        for (int c = 0; c < raw.length; c++) {
            for (int k = 0; k < order.length; k++) {
                if (order[k] < 0 || raw[c] > raw[order[k]]) {
                    System.arraycopy(order, k, order, k + 1, order.length - k - 1);
                    order[k] = c;
                    break;
                }
            }
        }
        LetterClass[] classes = LetterClass.values();
        List<Prediction.Scored> top = new ArrayList<>(order.length);
        for (int c : order) {
            top.add(new Prediction.Scored(classes[c], (float) (Math.exp(raw[c] - max) / sum)));
        }
        return new Prediction(top);
    }

    /** The provider that actually runs the model. */
    public ExecutionProvider activeProvider() {
        return active;
    }

    /** In words a user understands: where the model runs and, after a fallback, why not where it was asked to. */
    public String providerNote() {
        return providerNote;
    }

    @Override
    public void close() {
        for (OnnxTensor t : inputTensors) {
            if (t != null) {
                t.close();
            }
        }
        logitsTensor.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new LetterModelException("The letter model session did not close cleanly: " + e.getMessage(), e);
        }
    }
}
