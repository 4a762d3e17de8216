using System.Text.Json;
using System.Text.Json.Serialization;
using FashionListing.Inference.Classification;
using FashionListing.Tools.Classification;

namespace FashionListing.Tools.Fashionpedia.Training;

/// <summary>
/// The trained heads as one JSON file: <c>format</c>, <c>epoch</c>, <c>validationLoss</c>, the crop
/// <c>recipe</c> the features were computed with, <c>labelIds</c> (the id mapper's file beside it),
/// the <c>standardiser</c> (<c>mean</c>, <c>scale</c>), the <c>category</c> and <c>attributes</c>
/// layers (<c>inputs</c>, <c>outputs</c>, row-major <c>weights[o * inputs + i]</c>, <c>biases</c>)
/// and the two <c>logVariances</c> (category, attributes). Floats are written in their shortest
/// round-trip form, so loading gives back the same values.
/// </summary>
/// <param name="Format">Always <see cref="CurrentFormat"/>.</param>
/// <param name="Epoch">The epoch the heads come from.</param>
/// <param name="ValidationLoss">Their validation total loss.</param>
/// <param name="Recipe">How the features were computed from the crop.</param>
/// <param name="LabelIds">File name of the label id mapper, in the same folder.</param>
/// <param name="Standardiser">Standardisation of the raw features.</param>
/// <param name="Category">The category layer.</param>
/// <param name="Attributes">The attribute layer.</param>
/// <param name="LogVariances">The learnt log-variances, category first.</param>
public sealed record HeadsFile(
    string Format,
    int Epoch,
    double ValidationLoss,
    CategoryHeadRecipe Recipe,
    string LabelIds,
    Standardiser Standardiser,
    DenseLayer Category,
    DenseLayer Attributes,
    float[] LogVariances)
{
    /// <summary>The format tag this code writes and reads.</summary>
    public const string CurrentFormat = "fashionlisting.fashionpedia-heads.v1";

    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The file's contents for heads of an epoch.</summary>
    public static HeadsFile From(
        FashionpediaHeads heads,
        int epoch,
        double validationLoss,
        CategoryHeadRecipe recipe,
        string labelIds)
    {
        ArgumentNullException.ThrowIfNull(heads);

        return new HeadsFile(
            CurrentFormat,
            epoch,
            validationLoss,
            recipe,
            labelIds,
            heads.Standardiser,
            heads.Category,
            heads.Attributes,
            heads.LogVariances);
    }

    /// <summary>The heads this file holds.</summary>
    public FashionpediaHeads ToHeads() => new(Standardiser, Category, Attributes, LogVariances);

    /// <summary>Writes the file, replacing it in one move so a reader never sees half of it.</summary>
    public void Save(string path)
    {
        string temporary = path + ".tmp";
        using (FileStream stream = File.Create(temporary))
        {
            JsonSerializer.Serialize(stream, this, s_json);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not in <see cref="CurrentFormat"/>.</exception>
    public static HeadsFile Load(string path)
    {
        using FileStream stream = File.OpenRead(path);
        HeadsFile? file = JsonSerializer.Deserialize<HeadsFile>(stream, s_json);
        if (file is null || file.Format != CurrentFormat)
        {
            throw new InvalidDataException(
                $"{path} has format \"{file?.Format}\"; this tool reads \"{CurrentFormat}\".");
        }

        return file;
    }
}
