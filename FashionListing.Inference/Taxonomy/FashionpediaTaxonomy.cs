using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FashionListing.Inference.Taxonomy;

/// <summary>
/// The Fashionpedia taxonomy: 46 categories and 294 attributes with their names and groups, loaded
/// from <c>category_attributes_descriptions.json</c>, and the rule for which attributes describe
/// which category.
/// </summary>
/// <remarks>Immutable once loaded; safe to share between threads.</remarks>
public sealed class FashionpediaTaxonomy
{
    /// <summary>The file's name inside a model folder.</summary>
    public const string FileName = "category_attributes_descriptions.json";

    /// <summary>Where the build copies the taxonomy file, relative to the application's folder.</summary>
    public const string DefaultRelativePath = "models/starter/" + FileName;

    private static readonly JsonSerializerOptions s_jsonOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly FrozenDictionary<int, FashionpediaCategory> _categoriesById;
    private readonly FrozenDictionary<string, FashionpediaCategory> _categoriesByName;
    private readonly FrozenDictionary<int, FashionpediaAttributeDefinition> _attributesById;
    private readonly FrozenDictionary<string, FashionpediaAttributeDefinition> _attributesByName;

    private FashionpediaTaxonomy(
        IReadOnlyList<FashionpediaCategory> categories,
        IReadOnlyList<FashionpediaAttributeDefinition> attributes)
    {
        Categories = categories;
        Attributes = attributes;
        _categoriesById = categories.ToFrozenDictionary(c => c.Id);
        _categoriesByName = categories.ToFrozenDictionary(c => c.Name, StringComparer.Ordinal);
        _attributesById = attributes.ToFrozenDictionary(a => a.Id);
        _attributesByName = attributes.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
    }

    /// <summary>All categories in id order.</summary>
    public IReadOnlyList<FashionpediaCategory> Categories { get; }

    /// <summary>All attributes in id order.</summary>
    public IReadOnlyList<FashionpediaAttributeDefinition> Attributes { get; }

    /// <summary>Loads the taxonomy from the file the build copies beside the application.</summary>
    public static FashionpediaTaxonomy LoadDefault() =>
        Load(Path.Combine(AppContext.BaseDirectory, DefaultRelativePath));

    /// <summary>Loads the taxonomy from a <c>category_attributes_descriptions.json</c> file.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">The file is not a taxonomy this library understands.</exception>
    public static FashionpediaTaxonomy Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"The Fashionpedia taxonomy file {path} does not exist.", path);
        }

        using FileStream stream = File.OpenRead(path);

        return Parse(stream, path);
    }

    /// <summary>Parses a taxonomy from JSON in the format of <c>category_attributes_descriptions.json</c>.</summary>
    /// <param name="json">The JSON stream; read to the end, not disposed.</param>
    /// <param name="sourceName">Names the source in error messages, e.g. the file path.</param>
    /// <exception cref="InvalidDataException">The JSON is not a taxonomy this library understands.</exception>
    public static FashionpediaTaxonomy Parse(Stream json, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);

        TaxonomyFile? file;
        try
        {
            file = JsonSerializer.Deserialize<TaxonomyFile>(json, s_jsonOptions);
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{sourceName} is not valid taxonomy JSON: {exception.Message}", exception);
        }

        if (file?.Categories is null || file.Attributes is null)
        {
            throw new InvalidDataException($"{sourceName} has no \"categories\" or no \"attributes\" array.");
        }

        List<FashionpediaCategory> categories = file.Categories
            .Select(c => new FashionpediaCategory(c.Id, Required(c.Name, "category", c.Id, sourceName),
                Required(c.Supercategory, "category", c.Id, sourceName)))
            .OrderBy(c => c.Id)
            .ToList();
        List<FashionpediaAttributeDefinition> attributes = file.Attributes
            .Select(a =>
            {
                string name = Required(a.Name, "attribute", a.Id, sourceName);
                string supercategory = Required(a.Supercategory, "attribute", a.Id, sourceName);

                return new FashionpediaAttributeDefinition(a.Id, name, supercategory,
                    AttributeApplicability.GroupOf(a.Id, name, supercategory));
            })
            .OrderBy(a => a.Id)
            .ToList();

        ThrowOnDuplicates(categories.Select(c => c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "category id", sourceName);
        ThrowOnDuplicates(categories.Select(c => c.Name), "category name", sourceName);
        ThrowOnDuplicates(attributes.Select(a => a.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "attribute id", sourceName);
        ThrowOnDuplicates(attributes.Select(a => a.Name), "attribute name", sourceName);

        HashSet<string> categoryNames = categories.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        List<string> missing = AttributeApplicability.CategoryNames
            .Where(n => !categoryNames.Contains(n))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidDataException(
                $"{sourceName} lacks {missing.Count} categories that the attribute rules describe: \""
                + string.Join("\", \"", missing) + "\".");
        }

        return new FashionpediaTaxonomy(categories, attributes);
    }

    /// <summary>The category with the given id, or an exception naming the id.</summary>
    /// <exception cref="KeyNotFoundException">No category has the id.</exception>
    public FashionpediaCategory GetCategory(int id) =>
        _categoriesById.TryGetValue(id, out FashionpediaCategory? category)
            ? category
            : throw new KeyNotFoundException($"No Fashionpedia category has id {id}; ids run from 0 to 45.");

    /// <summary>The category with the given name (exact, as the taxonomy writes it), or an exception.</summary>
    /// <exception cref="KeyNotFoundException">No category has the name.</exception>
    public FashionpediaCategory GetCategory(string name) =>
        TryGetCategory(name, out FashionpediaCategory? category)
            ? category
            : throw new KeyNotFoundException($"No Fashionpedia category is named \"{name}\".");

    /// <summary>Looks a category up by its exact name.</summary>
    public bool TryGetCategory(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)]
        out FashionpediaCategory? category)
    {
        ArgumentNullException.ThrowIfNull(name);

        return _categoriesByName.TryGetValue(name, out category);
    }

    /// <summary>The attribute with the given id, or an exception naming the id.</summary>
    /// <exception cref="KeyNotFoundException">No attribute has the id.</exception>
    public FashionpediaAttributeDefinition GetAttribute(int id) =>
        _attributesById.TryGetValue(id, out FashionpediaAttributeDefinition? attribute)
            ? attribute
            : throw new KeyNotFoundException(
                $"No Fashionpedia attribute has id {id}; ids run from 0 to 340 with gaps.");

    /// <summary>The attribute with the given name (exact, as the taxonomy writes it), or an exception.</summary>
    /// <exception cref="KeyNotFoundException">No attribute has the name.</exception>
    public FashionpediaAttributeDefinition GetAttribute(string name) =>
        TryGetAttribute(name, out FashionpediaAttributeDefinition? attribute)
            ? attribute
            : throw new KeyNotFoundException($"No Fashionpedia attribute is named \"{name}\".");

    /// <summary>Looks an attribute up by its exact name.</summary>
    public bool TryGetAttribute(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)]
        out FashionpediaAttributeDefinition? attribute)
    {
        ArgumentNullException.ThrowIfNull(name);

        return _attributesByName.TryGetValue(name, out attribute);
    }

    /// <summary>
    /// The attribute groups that are meaningful for a category, e.g. sleeve length for tops, dresses
    /// and coats but not for pants or shoes; empty for garment parts and decorations.
    /// </summary>
    /// <exception cref="ArgumentException">The category is not one of this taxonomy's.</exception>
    public IReadOnlyList<AttributeGroup> GroupsFor(FashionpediaCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        if (!_categoriesById.TryGetValue(category.Id, out FashionpediaCategory? own) || own != category)
        {
            throw new ArgumentException(
                $"Category {category.Id} \"{category.Name}\" is not one of this taxonomy's categories.",
                nameof(category));
        }

        return AttributeApplicability.GroupsFor(category.Name);
    }

    /// <summary>Whether the attribute describes the category, by <see cref="GroupsFor"/>.</summary>
    public bool Describes(FashionpediaAttributeDefinition attribute, FashionpediaCategory category)
    {
        ArgumentNullException.ThrowIfNull(attribute);

        return GroupsFor(category).Contains(attribute.Group);
    }

    /// <summary>All attributes that describe the category, in id order.</summary>
    public IReadOnlyList<FashionpediaAttributeDefinition> AttributesFor(FashionpediaCategory category)
    {
        IReadOnlyList<AttributeGroup> groups = GroupsFor(category);

        return Attributes.Where(a => groups.Contains(a.Group)).ToList();
    }

    private static string Required(string? value, string kind, int id, string sourceName) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidDataException($"{sourceName}: {kind} {id} has an empty name or supercategory.")
            : value;

    private static void ThrowOnDuplicates(IEnumerable<string> keys, string what, string sourceName)
    {
        string? duplicate = keys.GroupBy(k => k, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new InvalidDataException($"{sourceName} has the {what} \"{duplicate}\" more than once.");
        }
    }

    private sealed record TaxonomyFile(
        [property: JsonPropertyName("categories")] IReadOnlyList<TaxonomyEntry>? Categories,
        [property: JsonPropertyName("attributes")] IReadOnlyList<TaxonomyEntry>? Attributes);

    private sealed record TaxonomyEntry(
        [property: JsonPropertyName("id")] int Id,
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("supercategory")] string? Supercategory);
}
