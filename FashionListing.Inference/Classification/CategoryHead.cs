using System.Text.Json;
using FashionListing.Inference.Runtime;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace FashionListing.Inference.Classification;

/// <summary>
/// The trained category head: an ONNX model from features (input "embedding", [1, D]) to label
/// probabilities (output "probabilities", [1, labels]), with its labels and the recipe that
/// computes its input.
/// </summary>
/// <remarks>One session, created once; <see cref="Predict"/> may be called from several threads.</remarks>
public sealed class CategoryHead : IDisposable
{
    /// <summary>The head's file name inside the model folder.</summary>
    public const string ModelFile = "category-head.onnx";

    /// <summary>The labels' file name inside the model folder.</summary>
    public const string LabelsFile = "category-labels.json";

    /// <summary>The input's name.</summary>
    public const string InputName = "embedding";

    /// <summary>The output's name.</summary>
    public const string OutputName = "probabilities";

    /// <summary>The command that trains the head and writes both files.</summary>
    public const string TrainCommand = "dotnet run --project FashionListing.Tools -c Release -- category-train";

    private static readonly string[] s_outputNames = [OutputName];

    private readonly InferenceSession _session;

    private CategoryHead(InferenceSession session, IReadOnlyList<string> labels, CategoryHeadRecipe recipe)
    {
        _session = session;
        Labels = labels;
        Recipe = recipe;
    }

    /// <summary>The labels, in the order of the outputs.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>How the head's input is computed.</summary>
    public CategoryHeadRecipe Recipe { get; }

    /// <summary>Loads <see cref="ModelFile"/> and <see cref="LabelsFile"/> from a folder.</summary>
    /// <param name="folder">The model folder, already resolved.</param>
    /// <param name="sessionFactory">Creates the ONNX Runtime session.</param>
    public static CategoryHead Load(string folder, OnnxSessionFactory sessionFactory)
    {
        ArgumentNullException.ThrowIfNull(folder);

        return Load(Path.Combine(folder, ModelFile), Path.Combine(folder, LabelsFile), sessionFactory);
    }

    /// <summary>
    /// Loads the head and its labels from given files, e.g. the starter manifest's
    /// <see cref="Models.StarterModelPaths.CategoryHead"/> and <see cref="Models.StarterModelPaths.CategoryLabels"/>.
    /// </summary>
    /// <param name="modelPath">The head's ONNX file.</param>
    /// <param name="labelsPath">The labels file written with it.</param>
    /// <param name="sessionFactory">Creates the ONNX Runtime session.</param>
    public static CategoryHead Load(string modelPath, string labelsPath, OnnxSessionFactory sessionFactory)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelPath);
        ArgumentException.ThrowIfNullOrEmpty(labelsPath);
        ArgumentNullException.ThrowIfNull(sessionFactory);
        foreach (string path in new[] { modelPath, labelsPath })
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"The category head file {path} is missing. It is made by '{TrainCommand}' "
                    + "(see FashionListing.Tools); or fix Inference:ModelFolder.", path);
            }
        }

        string[] labels = ReadLabels(labelsPath);
        InferenceSession session = sessionFactory.Create("category head", File.ReadAllBytes(modelPath));
        try
        {
            CategoryHeadRecipe recipe = CategoryHeadRecipe.FromMetadata(
                session.ModelMetadata.CustomMetadataMap, modelPath);
            CheckShapes(session, labels.Length, recipe.FeatureLength, modelPath);

            return new CategoryHead(session, labels, recipe);
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>The label probabilities for one feature vector.</summary>
    /// <param name="features">The head's input, <see cref="CategoryHeadRecipe.FeatureLength"/> values.</param>
    public CategoryPrediction Predict(ReadOnlySpan<float> features)
    {
        if (features.Length != Recipe.FeatureLength)
        {
            throw new ArgumentException(
                $"The features have {features.Length} values; the head reads {Recipe.FeatureLength}.",
                nameof(features));
        }

        DenseTensor<float> tensor = new(features.ToArray(), [1, features.Length]);
        NamedOnnxValue[] inputs = [NamedOnnxValue.CreateFromTensor(InputName, tensor)];
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> results = _session.Run(inputs, s_outputNames);
        float[] probabilities = results.Single().AsTensor<float>().ToArray();

        return new CategoryPrediction(Labels, probabilities);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private static string[] ReadLabels(string labelsPath)
    {
        using FileStream stream = File.OpenRead(labelsPath);
        using JsonDocument document = JsonDocument.Parse(stream);
        string[] labels = document.RootElement.GetProperty("labels").EnumerateArray()
            .Select(e => e.GetString() ?? throw new InvalidDataException($"A label in {labelsPath} is null."))
            .ToArray();

        return labels.Length > 0 ? labels : throw new InvalidDataException($"{labelsPath} lists no labels.");
    }

    private static void CheckShapes(InferenceSession session, int labelCount, int featureLength, string modelPath)
    {
        if (!session.InputMetadata.TryGetValue(InputName, out NodeMetadata? input)
            || !session.OutputMetadata.TryGetValue(OutputName, out NodeMetadata? output))
        {
            throw new InvalidDataException(
                $"The category head {modelPath} must have an input '{InputName}' and an output '{OutputName}'.");
        }

        if (input.Dimensions[^1] != featureLength || output.Dimensions[^1] != labelCount)
        {
            throw new InvalidDataException(
                $"The category head {modelPath} maps {input.Dimensions[^1]} features to {output.Dimensions[^1]} "
                + $"outputs; its recipe needs {featureLength} features and {LabelsFile} lists {labelCount} labels.");
        }
    }
}
