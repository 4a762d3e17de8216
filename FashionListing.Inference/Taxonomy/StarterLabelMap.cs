using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FashionListing.Inference.Taxonomy;

/// <summary>
/// The starter model's 17 garment labels mapped to Fashionpedia categories and implied attributes,
/// loaded from <c>models/starter/label-map.json</c> and checked against the taxonomy.
/// </summary>
/// <remarks>Immutable once loaded; safe to share between threads.</remarks>
public sealed class StarterLabelMap
{
    /// <summary>The file's name inside a model folder.</summary>
    public const string FileName = "label-map.json";

    /// <summary>Where the build copies the label map, relative to the application's folder.</summary>
    public const string DefaultRelativePath = "models/starter/" + FileName;

    private static readonly JsonSerializerOptions s_jsonOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly FrozenDictionary<string, StarterLabel> _byLabel;

    private StarterLabelMap(IReadOnlyList<StarterLabel> labels, IReadOnlyList<string> excludedLabels)
    {
        Labels = labels;
        ExcludedLabels = excludedLabels;
        _byLabel = labels.ToFrozenDictionary(l => l.Label, StringComparer.Ordinal);
    }

    /// <summary>The garment labels in the file's order.</summary>
    public IReadOnlyList<StarterLabel> Labels { get; }

    /// <summary>Dataset labels that are not garment classes ("Not sure", "Other", "Skip").</summary>
    public IReadOnlyList<string> ExcludedLabels { get; }

    /// <summary>Loads the label map the build copies beside the application.</summary>
    public static StarterLabelMap LoadDefault(FashionpediaTaxonomy taxonomy) =>
        Load(Path.Combine(AppContext.BaseDirectory, DefaultRelativePath), taxonomy);

    /// <summary>Loads a label map file and checks every name in it against the taxonomy.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is malformed, or names a category or attribute the taxonomy lacks, or implies an
    /// attribute that does not describe the label's category; the message names the label and the name.
    /// </exception>
    public static StarterLabelMap Load(string path, FashionpediaTaxonomy taxonomy)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The starter label map {path} does not exist.", path);
        }

        using FileStream stream = File.OpenRead(path);

        return Parse(stream, path, taxonomy);
    }

    /// <summary>Parses a label map from JSON and checks every name in it against the taxonomy.</summary>
    /// <param name="json">The JSON stream; read to the end, not disposed.</param>
    /// <param name="sourceName">Names the source in error messages, e.g. the file path.</param>
    /// <param name="taxonomy">The taxonomy the names must exist in.</param>
    /// <exception cref="InvalidDataException">As for <see cref="Load"/>.</exception>
    public static StarterLabelMap Parse(Stream json, string sourceName, FashionpediaTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        ArgumentNullException.ThrowIfNull(taxonomy);

        LabelMapFile? file;
        try
        {
            file = JsonSerializer.Deserialize<LabelMapFile>(json, s_jsonOptions);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{sourceName} is not valid label map JSON: {exception.Message}", exception);
        }

        if (file?.Labels is null || file.Labels.Count == 0)
        {
            throw new InvalidDataException($"{sourceName} has no \"labels\" array or it is empty.");
        }

        List<StarterLabel> labels = file.Labels.Select(entry => Resolve(entry, sourceName, taxonomy)).ToList();

        string? duplicate = labels.GroupBy(l => l.Label, StringComparer.Ordinal)
            .FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{sourceName} maps the label \"{duplicate}\" more than once.");
        }

        return new StarterLabelMap(labels, file.ExcludedLabels ?? []);
    }

    /// <summary>The entry for a model label, or an exception naming the label.</summary>
    /// <exception cref="KeyNotFoundException">The label is not in the map.</exception>
    public StarterLabel Get(string label) =>
        TryGet(label, out StarterLabel? found)
            ? found
            : throw new KeyNotFoundException($"The starter label map has no label \"{label}\".");

    /// <summary>Looks a model label up, case-sensitively, as the dataset writes it.</summary>
    public bool TryGet(string label, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StarterLabel? found)
    {
        ArgumentNullException.ThrowIfNull(label);

        return _byLabel.TryGetValue(label, out found);
    }

    private static StarterLabel Resolve(LabelMapEntry entry, string sourceName, FashionpediaTaxonomy taxonomy)
    {
        if (string.IsNullOrWhiteSpace(entry.Label))
        {
            throw new InvalidDataException($"{sourceName} has an entry with no \"label\".");
        }

        if (string.IsNullOrWhiteSpace(entry.DisplayName))
        {
            throw new InvalidDataException($"{sourceName}: label \"{entry.Label}\" has no \"displayName\".");
        }

        if (entry.FashionpediaCategory is null
            || !taxonomy.TryGetCategory(entry.FashionpediaCategory, out FashionpediaCategory? category))
        {
            throw new InvalidDataException(
                $"{sourceName}: label \"{entry.Label}\" maps to the category \"{entry.FashionpediaCategory}\", "
                + "which the Fashionpedia taxonomy does not have.");
        }

        List<FashionpediaAttributeDefinition> attributes = [];
        foreach (string name in entry.ImpliedAttributes ?? [])
        {
            if (!taxonomy.TryGetAttribute(name, out FashionpediaAttributeDefinition? attribute))
            {
                throw new InvalidDataException(
                    $"{sourceName}: label \"{entry.Label}\" implies the attribute \"{name}\", "
                    + "which the Fashionpedia taxonomy does not have.");
            }

            if (!taxonomy.Describes(attribute, category))
            {
                throw new InvalidDataException(
                    $"{sourceName}: label \"{entry.Label}\" implies the attribute \"{name}\" ({attribute.Group}), "
                    + $"which does not describe its category \"{category.Name}\".");
            }

            attributes.Add(attribute);
        }

        return new StarterLabel(entry.Label, entry.DisplayName, category, attributes);
    }

    private sealed record LabelMapFile(
        [property: JsonPropertyName("excludedLabels")] IReadOnlyList<string>? ExcludedLabels,
        [property: JsonPropertyName("labels")] IReadOnlyList<LabelMapEntry>? Labels);

    private sealed record LabelMapEntry(
        [property: JsonPropertyName("label")] string? Label,
        [property: JsonPropertyName("displayName")] string? DisplayName,
        [property: JsonPropertyName("fashionpediaCategory")] string? FashionpediaCategory,
        [property: JsonPropertyName("impliedAttributes")] IReadOnlyList<string>? ImpliedAttributes);
}
