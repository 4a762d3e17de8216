using System.Text.Json;
using System.Text.Json.Serialization;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tools.Fashionpedia;

/// <summary>
/// Maps the taxonomy's sparse category and attribute ids (attributes run from 0 to 340 with gaps) to the
/// consecutive indices of a model's outputs and back. Saved beside a trained model with the names of each id, so
/// loading it against another taxonomy fails instead of silently shifting labels.
/// </summary>
/// <remarks>Indices follow ascending id order. Immutable; safe to share between threads.</remarks>
public sealed class LabelIdMapper
{
    /// <summary>The usual file name beside a model.</summary>
    public const string FileName = "label-ids.json";

    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    private readonly IReadOnlyList<LabelEntry> _categories;
    private readonly IReadOnlyList<LabelEntry> _attributes;
    private readonly Dictionary<int, int> _categoryIndex;
    private readonly Dictionary<int, int> _attributeIndex;

    private LabelIdMapper(IReadOnlyList<LabelEntry> categories, IReadOnlyList<LabelEntry> attributes)
    {
        _categories = categories;
        _attributes = attributes;
        _categoryIndex = IndexOf(categories, "category");
        _attributeIndex = IndexOf(attributes, "attribute");
    }

    /// <summary>The number of categories, the length of a category output.</summary>
    public int CategoryCount => _categories.Count;

    /// <summary>The number of attributes, the length of an attribute output.</summary>
    public int AttributeCount => _attributes.Count;

    /// <summary>A mapper over all categories and attributes of the taxonomy.</summary>
    public static LabelIdMapper FromTaxonomy(FashionpediaTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);

        return new LabelIdMapper(
            taxonomy.Categories.OrderBy(c => c.Id).Select(c => new LabelEntry(c.Id, c.Name)).ToList(),
            taxonomy.Attributes.OrderBy(a => a.Id).Select(a => new LabelEntry(a.Id, a.Name)).ToList());
    }

    /// <summary>The index of a category id.</summary>
    /// <exception cref="KeyNotFoundException">The id is not mapped.</exception>
    public int CategoryIndex(int id) => _categoryIndex.TryGetValue(id, out int index)
        ? index
        : throw new KeyNotFoundException(
            $"Category id {id} is not mapped; the mapper knows {CategoryCount} ids from {_categories[0].Id} to "
            + $"{_categories[^1].Id}.");

    /// <summary>The category id at an index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not below <see cref="CategoryCount"/>.</exception>
    public int CategoryId(int index) => Entry(_categories, index, "category").Id;

    /// <summary>The index of an attribute id.</summary>
    /// <exception cref="KeyNotFoundException">The id is not mapped.</exception>
    public int AttributeIndex(int id) => _attributeIndex.TryGetValue(id, out int index)
        ? index
        : throw new KeyNotFoundException(
            $"Attribute id {id} is not mapped; the mapper knows {AttributeCount} ids from {_attributes[0].Id} to "
            + $"{_attributes[^1].Id} with gaps.");

    /// <summary>The attribute id at an index.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is not below <see cref="AttributeCount"/>.</exception>
    public int AttributeId(int index) => Entry(_attributes, index, "attribute").Id;

    /// <summary>The category name saved for an index.</summary>
    public string CategoryName(int index) => Entry(_categories, index, "category").Name;

    /// <summary>The attribute name saved for an index.</summary>
    public string AttributeName(int index) => Entry(_attributes, index, "attribute").Name;

    /// <summary>Writes the mapping, with each id's name, as JSON.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);

        File.WriteAllText(path, JsonSerializer.Serialize(new MapperFile(_categories, _attributes), s_json));
    }

    /// <summary>Reads a mapping written by <see cref="Save"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a mapping.</exception>
    public static LabelIdMapper Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The label id file {path} does not exist.", path);
        }

        MapperFile? file;
        try
        {
            file = JsonSerializer.Deserialize<MapperFile>(File.ReadAllText(path));
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{path} is not valid label id JSON: {exception.Message}", exception);
        }

        if (file?.Categories is not { Count: > 0 } || file.Attributes is not { Count: > 0 })
        {
            throw new InvalidDataException($"{path} has no \"categories\" or no \"attributes\" entries.");
        }

        try
        {
            return new LabelIdMapper(file.Categories, file.Attributes);
        }
        catch (ArgumentException exception)
        {
            throw new InvalidDataException($"{path}: {exception.Message}", exception);
        }
    }

    /// <summary>Reads a mapping and checks that every id has the same name in the taxonomy and that the
    /// taxonomy has no id the mapping lacks.</summary>
    /// <exception cref="InvalidDataException">The mapping does not belong to the taxonomy; the message names the
    /// first id that differs.</exception>
    public static LabelIdMapper Load(string path, FashionpediaTaxonomy taxonomy)
    {
        ArgumentNullException.ThrowIfNull(taxonomy);
        LabelIdMapper mapper = Load(path);
        LabelIdMapper expected = FromTaxonomy(taxonomy);

        CheckSame(mapper._categories, expected._categories, "category", path);
        CheckSame(mapper._attributes, expected._attributes, "attribute", path);

        return mapper;
    }

    private static void CheckSame(
        IReadOnlyList<LabelEntry> saved,
        IReadOnlyList<LabelEntry> taxonomy,
        string kind,
        string path)
    {
        Dictionary<int, string> names = taxonomy.ToDictionary(e => e.Id, e => e.Name);
        foreach (LabelEntry entry in saved)
        {
            if (!names.TryGetValue(entry.Id, out string? name))
            {
                throw new InvalidDataException(
                    $"{path}: {kind} id {entry.Id} (\"{entry.Name}\") is not in the taxonomy.");
            }

            if (!string.Equals(name, entry.Name, StringComparison.Ordinal))
            {
                throw new InvalidDataException(
                    $"{path}: {kind} id {entry.Id} is saved as \"{entry.Name}\" but the taxonomy names it "
                    + $"\"{name}\"; the model was trained with another taxonomy.");
            }
        }

        if (saved.Count != taxonomy.Count)
        {
            HashSet<int> savedIds = saved.Select(e => e.Id).ToHashSet();
            LabelEntry extra = taxonomy.First(e => !savedIds.Contains(e.Id));
            throw new InvalidDataException(
                $"{path} maps {saved.Count} {kind} ids; the taxonomy has {taxonomy.Count}, e.g. id {extra.Id} "
                + $"(\"{extra.Name}\") is missing.");
        }
    }

    private static Dictionary<int, int> IndexOf(IReadOnlyList<LabelEntry> entries, string kind)
    {
        Dictionary<int, int> index = [];
        for (int i = 0; i < entries.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(entries[i].Name))
            {
                throw new ArgumentException($"The {kind} id {entries[i].Id} has no name.");
            }

            if (!index.TryAdd(entries[i].Id, i))
            {
                throw new ArgumentException($"The {kind} id {entries[i].Id} appears more than once.");
            }

            if (i > 0 && entries[i].Id < entries[i - 1].Id)
            {
                throw new ArgumentException(
                    $"The {kind} ids are not ascending: {entries[i].Id} follows {entries[i - 1].Id}.");
            }
        }

        return index;
    }

    private static LabelEntry Entry(IReadOnlyList<LabelEntry> entries, int index, string kind) =>
        index >= 0 && index < entries.Count
            ? entries[index]
            : throw new ArgumentOutOfRangeException(
                nameof(index), index, $"The {kind} index is {index}; it must be from 0 to {entries.Count - 1}.");

    private sealed record LabelEntry(
        [property: JsonPropertyName("id")] int Id,
        [property: JsonPropertyName("name")] string Name);

    private sealed record MapperFile(
        [property: JsonPropertyName("categories")] IReadOnlyList<LabelEntry>? Categories,
        [property: JsonPropertyName("attributes")] IReadOnlyList<LabelEntry>? Attributes);
}
