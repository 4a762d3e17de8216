using System.Text;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tests.Support;

namespace FashionListing.Tests.Taxonomy;

public sealed class StarterLabelMapTests
{
    private static readonly FashionpediaTaxonomy s_taxonomy = FashionpediaTaxonomy.LoadDefault();
    private static readonly StarterLabelMap s_map = StarterLabelMap.LoadDefault(s_taxonomy);

    [Fact]
    public void LoadDefault_CommittedFile_MapsEveryGarmentLabelOfTheDataset()
    {
        HashSet<string> datasetLabels = File.ReadLines(Path.Combine(SharedData.ClothingDataset, "images.csv"))
            .Skip(1)
            .Select(line => line.Split(',')[2])
            .ToHashSet(StringComparer.Ordinal);
        datasetLabels.ExceptWith(["Not sure", "Other", "Skip"]);

        HashSet<string> mapped = s_map.Labels.Select(l => l.Label).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(17, datasetLabels.Count);
        Assert.Equal(datasetLabels.Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void LoadDefault_CommittedFile_ListsTheThreeExcludedLabels()
    {
        IReadOnlyList<string> excluded = s_map.ExcludedLabels;

        Assert.Equal(["Not sure", "Other", "Skip"], excluded);
    }

    [Theory]
    [InlineData("T-Shirt", "T-shirt", "top, t-shirt, sweatshirt", "classic (t-shirt)|short (length)")]
    [InlineData("Longsleeve", "Long-sleeve top", "top, t-shirt, sweatshirt", "wrist-length")]
    [InlineData("Pants", "Pants", "pants", "")]
    [InlineData("Shoes", "Shoes", "shoe", "")]
    [InlineData("Shirt", "Shirt", "shirt, blouse", "")]
    [InlineData("Dress", "Dress", "dress", "")]
    [InlineData("Outwear", "Jacket", "jacket", "wrist-length")]
    [InlineData("Shorts", "Shorts", "shorts", "")]
    [InlineData("Hat", "Hat", "hat", "")]
    [InlineData("Skirt", "Skirt", "skirt", "")]
    [InlineData("Polo", "Polo shirt", "shirt, blouse", "polo (shirt)|short (length)")]
    [InlineData("Undershirt", "Tank top", "top, t-shirt, sweatshirt", "tank (top)|sleeveless")]
    [InlineData("Blazer", "Blazer", "jacket", "blazer|wrist-length")]
    [InlineData("Hoodie", "Hoodie", "top, t-shirt, sweatshirt", "hoodie")]
    [InlineData("Body", "Bodysuit", "jumpsuit", "")]
    [InlineData("Top", "Top", "top, t-shirt, sweatshirt", "")]
    [InlineData("Blouse", "Blouse", "shirt, blouse", "")]
    public void Get_Label_MapsToCategoryAndImpliedAttributes(
        string label,
        string displayName,
        string categoryName,
        string impliedAttributes)
    {
        string[] expectedAttributes = impliedAttributes.Split('|', StringSplitOptions.RemoveEmptyEntries);

        StarterLabel entry = s_map.Get(label);

        Assert.Equal(displayName, entry.DisplayName);
        Assert.Equal(s_taxonomy.GetCategory(categoryName), entry.Category);
        Assert.Equal(expectedAttributes, entry.ImpliedAttributes.Select(a => a.Name));
    }

    [Fact]
    public void Labels_EveryImpliedAttribute_DescribesTheLabelsCategory()
    {
        List<string> misfits = s_map.Labels
            .SelectMany(l => l.ImpliedAttributes
                .Where(a => !s_taxonomy.Describes(a, l.Category))
                .Select(a => $"{l.Label}: {a.Name}"))
            .ToList();

        Assert.Empty(misfits);
    }

    [Fact]
    public void ToCategorySuggestion_Longsleeve_CarriesTaxonomyIdNameAndProbability()
    {
        CategorySuggestion suggestion = s_map.Get("Longsleeve").ToCategorySuggestion(0.8f);

        Assert.Equal(("Longsleeve", "Long-sleeve top", 1, "top, t-shirt, sweatshirt", 0.8f),
            (suggestion.Label, suggestion.DisplayName, suggestion.FashionpediaCategoryId,
                suggestion.FashionpediaCategoryName, suggestion.Probability));
        Assert.Equal(["wrist-length"], suggestion.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void ToAttributeSuggestions_Blazer_CarriesIdsSupercategoriesAndScore()
    {
        IReadOnlyList<AttributeSuggestion> suggestions = s_map.Get("Blazer").ToAttributeSuggestions(0.9f);

        Assert.Equal(
            [new AttributeSuggestion(17, "blazer", "nickname", 0.9f),
             new AttributeSuggestion(160, "wrist-length", "length", 0.9f)],
            suggestions);
    }

    [Fact]
    public void Get_UnknownLabel_ThrowsNamingTheLabel()
    {
        KeyNotFoundException exception = Assert.Throws<KeyNotFoundException>(() => s_map.Get("Not sure"));

        Assert.Contains("Not sure", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownCategory_ThrowsNamingLabelAndCategory()
    {
        string json = LabelMapJson("Jumper", "sweatshirt", "[]");
        using MemoryStream stream = new(Encoding.UTF8.GetBytes(json));

        InvalidDataException exception = Assert.Throws<InvalidDataException>(
            () => StarterLabelMap.Parse(stream, "map.json", s_taxonomy));

        Assert.Contains("\"Jumper\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"sweatshirt\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownAttribute_ThrowsNamingLabelAndAttribute()
    {
        string json = LabelMapJson("Longsleeve", "top, t-shirt, sweatshirt", "[\"long (length)\"]");
        using MemoryStream stream = new(Encoding.UTF8.GetBytes(json));

        InvalidDataException exception = Assert.Throws<InvalidDataException>(
            () => StarterLabelMap.Parse(stream, "map.json", s_taxonomy));

        Assert.Contains("\"Longsleeve\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"long (length)\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AttributeOfAnotherKind_ThrowsNamingLabelAttributeAndCategory()
    {
        string json = LabelMapJson("Hat", "hat", "[\"jeans\"]");
        using MemoryStream stream = new(Encoding.UTF8.GetBytes(json));

        InvalidDataException exception = Assert.Throws<InvalidDataException>(
            () => StarterLabelMap.Parse(stream, "map.json", s_taxonomy));

        Assert.Contains("\"Hat\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"jeans\"", exception.Message, StringComparison.Ordinal);
        Assert.Contains("\"hat\"", exception.Message, StringComparison.Ordinal);
    }

    private static string LabelMapJson(string label, string category, string attributes) =>
        $$"""
        { "labels": [ { "label": "{{label}}", "displayName": "{{label}}",
                        "fashionpediaCategory": "{{category}}", "impliedAttributes": {{attributes}} } ] }
        """;
}
