using System.Diagnostics;
using System.Globalization;
using FashionListing.Inference.Instances;
using FashionListing.Inference.Models;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FashionListing.Inference.Runtime;

/// <summary>
/// The ONNX Runtime session of a query-based or dense instance-segmentation model, checked against its
/// manifest when it loads and shared by every request.
/// </summary>
/// <remarks>
/// ONNX Runtime allows concurrent <c>Run</c> calls on one session. Every native value created for a run
/// (input, outputs, run options) is disposed before <see cref="Run"/> returns; the outputs are copied into
/// managed arrays first.
/// </remarks>
public sealed partial class InstanceModelSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly string _inputName;
    private readonly long[] _inputShape;
    private readonly string[] _outputNames;

    /// <summary>Loads the model file the manifest names and checks the manifest against the graph.</summary>
    /// <param name="model">The loaded, validated manifest.</param>
    /// <param name="sessionFactory">Creates the session on CUDA or CPU.</param>
    /// <param name="logger">Receives one line when the model is ready.</param>
    /// <exception cref="ModelManifestException">The manifest does not match the graph, e.g. an output name is wrong.</exception>
    public InstanceModelSession(
        LoadedModelManifest model,
        OnnxSessionFactory sessionFactory,
        ILogger<InstanceModelSession> logger)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sessionFactory);
        ModelManifest manifest = model.Manifest;
        ModelInputSpec input = manifest.Input!;
        ModelOutputSpec outputs = manifest.Outputs!;
        _inputName = input.Name!;
        _inputShape = ModelInputBuilder.ShapeOf(input);
        _outputNames = OutputNames(manifest.Layout!.Value, outputs);
        Layout = manifest.Layout.Value;
        Outputs = outputs;

        long started = Stopwatch.GetTimestamp();
        string name = model.Name;
        string modelPath = model.ModelPath ?? throw new ArgumentException(
            $"{model.ManifestPath} is a {model.Layout} manifest; only query and dense models have an ONNX file here.",
            nameof(model));
        _session = sessionFactory.Create(name, File.ReadAllBytes(modelPath));
        try
        {
            CheckAgainstGraph(model);
        }
        catch
        {
            _session.Dispose();
            throw;
        }

        Log.Loaded(logger, name, Layout, modelPath, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    /// <summary>The manifest's layout, which decides how <see cref="Run"/>'s outputs are read.</summary>
    public ModelLayout Layout { get; }

    /// <summary>The manifest's output names.</summary>
    public ModelOutputSpec Outputs { get; }

    /// <summary>Runs the model on one input built by <see cref="ModelInputBuilder"/>.</summary>
    /// <returns>Each output of the manifest by name, copied out of native memory.</returns>
    public IReadOnlyDictionary<string, FloatTensor> Run(float[] input)
    {
        ArgumentNullException.ThrowIfNull(input);

        using RunOptions runOptions = new();
        using OrtValue inputValue = OrtValue.CreateTensorValueFromMemory(input, _inputShape);
        using IDisposableReadOnlyCollection<OrtValue> results =
            _session.Run(runOptions, [_inputName], [inputValue], _outputNames);

        Dictionary<string, FloatTensor> tensors = new(StringComparer.Ordinal);
        for (int i = 0; i < _outputNames.Length; i++)
        {
            OrtValue value = results[i];
            int[] shape = [.. value.GetTensorTypeAndShape().Shape.Select(d => checked((int)d))];
            tensors[_outputNames[i]] = new FloatTensor(value.GetTensorDataAsSpan<float>().ToArray(), shape);
        }

        return tensors;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private static string[] OutputNames(ModelLayout layout, ModelOutputSpec outputs)
    {
        List<string> names = layout == ModelLayout.Query
            ? [outputs.MaskLogits!, outputs.CategoryLogits!]
            : [outputs.Detections!, outputs.Prototypes!];
        if (!string.IsNullOrEmpty(outputs.AttributeLogits))
        {
            names.Add(outputs.AttributeLogits);
        }

        return [.. names];
    }

    // The manifest and the graph are written by different people; a mismatch found here names the manifest
    // field to fix, instead of surfacing as an ONNX Runtime error on the first seller's photo.
    private void CheckAgainstGraph(LoadedModelManifest model)
    {
        string file = Path.GetFileName(model.ModelPath!);
        List<ModelManifestProblem> problems = [];
        if (!_session.InputMetadata.TryGetValue(_inputName, out NodeMetadata? inputMeta))
        {
            problems.Add(Problem("input.name", $"is \"{_inputName}\" but {file} has no such input; its inputs are: "
                + string.Join(", ", _session.InputMetadata.Keys)));
        }
        else
        {
            if (inputMeta.ElementDataType != TensorElementType.Float)
            {
                problems.Add(Problem("input.name", $"\"{_inputName}\" holds {inputMeta.ElementDataType}; "
                    + "the app feeds 32-bit floats"));
            }

            CheckDims(problems, "input", _inputName, inputMeta.Dimensions, [.. _inputShape.Select(d => (int)d)]);
        }

        ModelOutputSpec outputs = Outputs;
        (string Field, string? Name)[] named = Layout == ModelLayout.Query
            ? [("outputs.maskLogits", outputs.MaskLogits), ("outputs.categoryLogits", outputs.CategoryLogits),
                ("outputs.attributeLogits", outputs.AttributeLogits)]
            : [("outputs.detections", outputs.Detections), ("outputs.prototypes", outputs.Prototypes),
                ("outputs.attributeLogits", outputs.AttributeLogits)];
        foreach ((string field, string? name) in named)
        {
            if (string.IsNullOrEmpty(name))
            {
                continue;
            }

            if (!_session.OutputMetadata.TryGetValue(name, out NodeMetadata? meta))
            {
                problems.Add(Problem(field, $"is \"{name}\" but {file} has no such output; its outputs are: "
                    + string.Join(", ", _session.OutputMetadata.Keys)));
                continue;
            }

            if (meta.ElementDataType != TensorElementType.Float)
            {
                problems.Add(Problem(field, $"\"{name}\" holds {meta.ElementDataType}; the app reads 32-bit floats"));
            }

            int categories = model.CategoryIds.Count;
            int attributes = model.AttributeIds.Count;
            if (field == "outputs.categoryLogits")
            {
                CheckLastDim(problems, field, name, meta.Dimensions, 3,
                    categories + (outputs.NoObjectClass ? 1 : 0),
                    outputs.NoObjectClass ? $"{categories} categories and the \"no object\" class" : $"{categories} categories");
            }
            else if (field == "outputs.attributeLogits")
            {
                CheckLastDim(problems, field, name, meta.Dimensions, 3, attributes, $"{attributes} attributes");
            }
            else if (field is "outputs.maskLogits" or "outputs.prototypes")
            {
                CheckRank(problems, field, name, meta.Dimensions, 4);
            }
            else if (field == "outputs.detections")
            {
                CheckRank(problems, field, name, meta.Dimensions, 3);
            }
        }

        if (problems.Count > 0)
        {
            throw new ModelManifestException(model.ManifestPath, problems);
        }
    }

    private static void CheckDims(List<ModelManifestProblem> problems, string field, string name, int[] actual, int[] expected)
    {
        bool matches = actual.Length == expected.Length
            && actual.Zip(expected).All(pair => pair.First < 0 || pair.First == pair.Second);
        if (!matches)
        {
            problems.Add(Problem(field, $"describes a {Dims(expected)} tensor but \"{name}\" is {Dims(actual)} "
                + "(check width, height and layout)"));
        }
    }

    private static void CheckRank(List<ModelManifestProblem> problems, string field, string name, int[] actual, int rank)
    {
        if (actual.Length != rank)
        {
            problems.Add(Problem(field, $"\"{name}\" is {Dims(actual)}; this layout needs {rank} dimensions"));
        }
    }

    private static void CheckLastDim(
        List<ModelManifestProblem> problems, string field, string name, int[] actual, int rank, int expected, string meaning)
    {
        if (actual.Length != rank)
        {
            problems.Add(Problem(field, $"\"{name}\" is {Dims(actual)}; this layout needs {rank} dimensions"));
        }
        else if (actual[^1] >= 0 && actual[^1] != expected)
        {
            problems.Add(Problem(field, $"\"{name}\" is {Dims(actual)}, but the manifest describes {meaning}, "
                + $"so its last dimension must be {expected}"));
        }
    }

    private static ModelManifestProblem Problem(string field, string text) => new(field, text + ".");

    private static string Dims(int[] dims) =>
        "[" + string.Join(", ", dims.Select(d => d < 0 ? "?" : d.ToString(CultureInfo.InvariantCulture))) + "]";

    private static partial class Log
    {
        [LoggerMessage(30, LogLevel.Information,
            "Model {ModelName} ({Layout} layout) loaded from {ModelPath} in {ElapsedMs:F0} ms")]
        public static partial void Loaded(
            ILogger logger, string modelName, ModelLayout layout, string modelPath, double elapsedMs);
    }
}
