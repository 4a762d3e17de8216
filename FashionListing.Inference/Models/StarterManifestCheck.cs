using System.Globalization;
using FashionListing.Inference.Classification;
using FashionListing.Inference.Runtime;
using Google.Protobuf;
using Onnx;

namespace FashionListing.Inference.Models;

/// <summary>
/// Checks that a starter manifest's <c>input</c> section says what the starter's code really feeds the
/// backbone for the category head, so the manifest cannot drift from the code unnoticed.
/// </summary>
/// <remarks>
/// The starter's preprocessing is fixed in <see cref="ResNet18Backbone"/> and the input size in the category
/// head's recipe (its ONNX metadata); the manifest only describes them. The mask head runs the same backbone
/// at a size chosen per photo, which the manifest does not describe.
/// </remarks>
public static class StarterManifestCheck
{
    // The manifest is written by hand with a few decimals; the backbone's means are 0-255 values.
    private const float Tolerance = 1e-3f;

    /// <summary>
    /// Compares the manifest's input with what the backbone does at the category head's input size.
    /// </summary>
    /// <param name="manifest">A loaded starter manifest.</param>
    /// <param name="backbone">The loaded backbone.</param>
    /// <exception cref="ModelManifestException">
    /// The manifest's input differs from the code; each difference is listed.
    /// </exception>
    public static void Verify(LoadedModelManifest manifest, ResNet18Backbone backbone)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(backbone);
        if (manifest.Starter is null)
        {
            throw new ArgumentException(
                $"{manifest.ManifestPath} is a {manifest.Layout} manifest; only starter manifests are checked here.",
                nameof(manifest));
        }

        int size = CategoryInputSize(manifest.Starter.CategoryHead);

        Verify(manifest, backbone.DescribeInput(size, size), $"the category head's recipe ({size}x{size})");
    }

    /// <summary>Compares the manifest's input with a description of what the code does.</summary>
    /// <param name="manifest">A loaded manifest.</param>
    /// <param name="actual">What the code feeds the network.</param>
    /// <param name="sizeSource">Where the actual size comes from, for the message.</param>
    /// <exception cref="ModelManifestException">The manifest's input differs; each difference listed.</exception>
    public static void Verify(LoadedModelManifest manifest, ModelInputSpec actual, string sizeSource)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(actual);
        ModelInputSpec? written = manifest.Input;
        if (written is null)
        {
            throw new ModelManifestException(manifest.ManifestPath, "input",
                "is required for the starter model, so that the manifest says what the backbone is fed.");
        }

        List<ModelManifestProblem> problems = [];
        Compare(problems, "input.name", written.Name, actual.Name, "the backbone's input tensor");
        Compare(problems, "input.width", written.Width, actual.Width, sizeSource);
        Compare(problems, "input.height", written.Height, actual.Height, sizeSource);
        Compare(problems, "input.layout", written.Layout, actual.Layout, "the backbone");
        Compare(problems, "input.resize", written.Resize, actual.Resize, "the backbone");
        Compare(problems, "input.channels", written.Channels, actual.Channels, "the backbone");
        CompareNumbers(problems, "input.scale", [written.Scale], [actual.Scale]);
        CompareNumbers(problems, "input.mean", written.Mean, actual.Mean);
        CompareNumbers(problems, "input.std", written.Std, actual.Std);

        if (problems.Count > 0)
        {
            throw new ModelManifestException(manifest.ManifestPath, problems);
        }
    }

    /// <summary>The side of the square crop the category head's recipe runs the backbone on.</summary>
    /// <param name="categoryHeadPath">The category head's ONNX file.</param>
    public static int CategoryInputSize(string categoryHeadPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(categoryHeadPath);
        ModelProto model;
        try
        {
            model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(categoryHeadPath));
        }
        catch (InvalidProtocolBufferException ex)
        {
            throw new InvalidDataException(
                $"The category head {categoryHeadPath} is not a readable ONNX model ({ex.Message}); "
                + "the file is damaged or is not the one the category-train command wrote.", ex);
        }

        Dictionary<string, string> metadata = model.MetadataProps.ToDictionary(p => p.Key, p => p.Value);

        return CategoryHeadRecipe.FromMetadata(metadata, categoryHeadPath).InputSize;
    }

    private static void Compare<T>(
        List<ModelManifestProblem> problems,
        string field,
        T written,
        T actual,
        string source)
    {
        if (!EqualityComparer<T>.Default.Equals(written, actual))
        {
            problems.Add(new ModelManifestProblem(field,
                $"is {Show(written)}, but the starter's code uses {Show(actual)} ({source}); write {Show(actual)}."));
        }
    }

    private static void CompareNumbers(
        List<ModelManifestProblem> problems,
        string field,
        IReadOnlyList<float> written,
        IReadOnlyList<float> actual)
    {
        bool same = written.Count == actual.Count;
        for (int i = 0; same && i < written.Count; i++)
        {
            same = Math.Abs(written[i] - actual[i]) <= Tolerance * Math.Max(1f, Math.Abs(actual[i]));
        }

        if (!same)
        {
            problems.Add(new ModelManifestProblem(field,
                $"is {Show(written)}, but the backbone uses {Show(actual)}; write {Show(actual)}."));
        }
    }

    private static string Show<T>(T value) => value switch
    {
        null => "absent",
        string text => $"\"{text}\"",
        IReadOnlyList<float> numbers => "[" + string.Join(", ", numbers.Select(Number)) + "]",
        TensorLayout layout => layout == TensorLayout.Nchw ? "\"NCHW\"" : "\"NHWC\"",
        ChannelOrder order => order == ChannelOrder.Rgb ? "\"RGB\"" : "\"BGR\"",
        ResizeMode mode => mode == ResizeMode.Stretch ? "\"stretch\"" : "\"letterbox\"",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static string Number(float value) => Math.Round(value, 4).ToString(CultureInfo.InvariantCulture);
}
