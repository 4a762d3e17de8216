using System.Text;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tests.Taxonomy;

public sealed class FashionpediaTaxonomyTests
{
    private static readonly FashionpediaTaxonomy s_taxonomy = FashionpediaTaxonomy.LoadDefault();

    [Fact]
    public void LoadDefault_CommittedFile_Has46CategoriesWithIds0To45()
    {
        IReadOnlyList<FashionpediaCategory> categories = s_taxonomy.Categories;

        Assert.Equal(46, categories.Count);
        Assert.Equal(Enumerable.Range(0, 46), categories.Select(c => c.Id));
    }

    [Fact]
    public void LoadDefault_CommittedFile_Has294AttributesWithIds0To340()
    {
        IReadOnlyList<FashionpediaAttributeDefinition> attributes = s_taxonomy.Attributes;

        Assert.Equal(294, attributes.Count);
        Assert.Equal(0, attributes[0].Id);
        Assert.Equal(340, attributes[^1].Id);
    }

    [Fact]
    public void GetCategory_ById_ReturnsNameAndSupercategory()
    {
        FashionpediaCategory shoe = s_taxonomy.GetCategory(23);

        Assert.Equal("shoe", shoe.Name);
        Assert.Equal("legs and feet", shoe.Supercategory);
    }

    [Fact]
    public void GetCategory_ByName_ReturnsId()
    {
        FashionpediaCategory top = s_taxonomy.GetCategory("top, t-shirt, sweatshirt");

        Assert.Equal(1, top.Id);
        Assert.Equal("upperbody", top.Supercategory);
    }

    [Fact]
    public void GetCategory_UnknownId_ThrowsNamingTheId()
    {
        KeyNotFoundException exception = Assert.Throws<KeyNotFoundException>(() => s_taxonomy.GetCategory(46));

        Assert.Contains("46", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GetAttribute_ByName_ReturnsIdSupercategoryAndGroup()
    {
        FashionpediaAttributeDefinition wristLength = s_taxonomy.GetAttribute("wrist-length");

        Assert.Equal(160, wristLength.Id);
        Assert.Equal("length", wristLength.Supercategory);
        Assert.Equal(AttributeGroup.SleeveLength, wristLength.Group);
    }

    [Fact]
    public void GetAttribute_ById_ReturnsName()
    {
        FashionpediaAttributeDefinition polo = s_taxonomy.GetAttribute(1);

        Assert.Equal("polo (shirt)", polo.Name);
        Assert.Equal(AttributeGroup.TopNickname, polo.Group);
    }

    [Fact]
    public void GetAttribute_IdInGap_ThrowsNamingTheId()
    {
        KeyNotFoundException exception = Assert.Throws<KeyNotFoundException>(() => s_taxonomy.GetAttribute(250));

        Assert.Contains("250", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryGetAttribute_UnknownName_ReturnsFalse()
    {
        bool found = s_taxonomy.TryGetAttribute("long sleeve", out FashionpediaAttributeDefinition? attribute);

        Assert.False(found);
        Assert.Null(attribute);
    }

    [Theory]
    [InlineData(AttributeGroup.SleeveLength, 5)] // ids 156-160, sleeveless to wrist-length
    [InlineData(AttributeGroup.GarmentLength, 10)] // ids 146-155, above-the-hip to floor
    [InlineData(AttributeGroup.TopNickname, 17)] // ids 0-16, classic (t-shirt) to hoodie
    [InlineData(AttributeGroup.Leather, 4)] // suede, shearling, crocodile, snakeskin
    [InlineData(AttributeGroup.AnimalPattern, 6)] // ids 333-338, leopard to giraffe
    public void Attributes_Group_HasTheCountOfItsIdRange(AttributeGroup group, int expected)
    {
        int count = s_taxonomy.Attributes.Count(a => a.Group == group);

        Assert.Equal(expected, count);
    }

    [Fact]
    public void GetAttribute_SameWordInTwoSupercategories_GetsTwoGroups()
    {
        FashionpediaAttributeDefinition leather = s_taxonomy.GetAttribute("snakeskin");
        FashionpediaAttributeDefinition pattern = s_taxonomy.GetAttribute("snakeskin (pattern)");

        Assert.Equal(AttributeGroup.Leather, leather.Group);
        Assert.Equal(AttributeGroup.AnimalPattern, pattern.Group);
    }

    [Theory]
    [InlineData("top, t-shirt, sweatshirt")]
    [InlineData("shirt, blouse")]
    [InlineData("dress")]
    [InlineData("coat")]
    [InlineData("jacket")]
    public void GroupsFor_SleevedGarment_IncludesSleeveLength(string categoryName)
    {
        IReadOnlyList<AttributeGroup> groups = s_taxonomy.GroupsFor(s_taxonomy.GetCategory(categoryName));

        Assert.Contains(AttributeGroup.SleeveLength, groups);
    }

    [Theory]
    [InlineData("pants")]
    [InlineData("shorts")]
    [InlineData("skirt")]
    [InlineData("shoe")]
    [InlineData("hat")]
    public void GroupsFor_GarmentWithoutSleeves_ExcludesSleeveLength(string categoryName)
    {
        IReadOnlyList<AttributeGroup> groups = s_taxonomy.GroupsFor(s_taxonomy.GetCategory(categoryName));

        Assert.DoesNotContain(AttributeGroup.SleeveLength, groups);
    }

    [Theory]
    [InlineData("dress", true)]
    [InlineData("skirt", true)]
    [InlineData("pants", true)]
    [InlineData("shorts", true)]
    [InlineData("shoe", false)]
    [InlineData("hat", false)]
    public void GroupsFor_Category_IncludesGarmentLengthOnlyForGarments(string categoryName, bool expected)
    {
        IReadOnlyList<AttributeGroup> groups = s_taxonomy.GroupsFor(s_taxonomy.GetCategory(categoryName));

        Assert.Equal(expected, groups.Contains(AttributeGroup.GarmentLength));
    }

    [Theory]
    [InlineData("jeans", "pants", true)]
    [InlineData("jeans", "skirt", false)]
    [InlineData("blazer", "jacket", true)]
    [InlineData("blazer", "dress", false)]
    [InlineData("kilt", "skirt", true)]
    [InlineData("hoodie", "top, t-shirt, sweatshirt", true)]
    [InlineData("v-neck", "pants", false)]
    [InlineData("stripe", "shoe", true)]
    public void Describes_NicknameOrPart_MatchesOnlyItsKind(string attributeName, string categoryName, bool expected)
    {
        FashionpediaAttributeDefinition attribute = s_taxonomy.GetAttribute(attributeName);
        FashionpediaCategory category = s_taxonomy.GetCategory(categoryName);

        bool describes = s_taxonomy.Describes(attribute, category);

        Assert.Equal(expected, describes);
    }

    [Fact]
    public void AttributesFor_Decoration_IsEmpty()
    {
        FashionpediaCategory sequin = s_taxonomy.GetCategory("sequin");

        IReadOnlyList<FashionpediaAttributeDefinition> attributes = s_taxonomy.AttributesFor(sequin);

        Assert.Empty(attributes);
    }

    [Fact]
    public void AttributesFor_Pants_HoldsPantsNamesWaistAndLengthButNoNeckline()
    {
        FashionpediaCategory pants = s_taxonomy.GetCategory("pants");

        List<string> names = s_taxonomy.AttributesFor(pants).Select(a => a.Name).ToList();

        Assert.Contains("jeans", names);
        Assert.Contains("high waist", names);
        Assert.Contains("maxi (length)", names);
        Assert.DoesNotContain("v-neck", names);
        Assert.DoesNotContain("wrist-length", names);
    }

    [Fact]
    public void GroupsFor_CategoryOfAnotherTaxonomy_Throws()
    {
        FashionpediaCategory stranger = new(1, "tunic", "upperbody");

        Assert.Throws<ArgumentException>(() => s_taxonomy.GroupsFor(stranger));
    }

    [Fact]
    public void Parse_AttributeOutsideEveryGroup_ThrowsNamingTheAttribute()
    {
        const string Json = """
            { "categories": [],
              "attributes": [ { "id": 250, "name": "cotton", "supercategory": "textile material" } ] }
            """;
        using MemoryStream stream = new(Encoding.UTF8.GetBytes(Json));

        InvalidDataException exception = Assert.Throws<InvalidDataException>(
            () => FashionpediaTaxonomy.Parse(stream, "test.json"));

        Assert.Contains("250", exception.Message, StringComparison.Ordinal);
        Assert.Contains("cotton", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CategoryTheRulesNeedIsMissing_ThrowsNamingTheCategory()
    {
        const string Json = """
            { "categories": [ { "id": 0, "name": "shirt, blouse", "supercategory": "upperbody" } ],
              "attributes": [] }
            """;
        using MemoryStream stream = new(Encoding.UTF8.GetBytes(Json));

        InvalidDataException exception = Assert.Throws<InvalidDataException>(
            () => FashionpediaTaxonomy.Parse(stream, "test.json"));

        Assert.Contains("top, t-shirt, sweatshirt", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsNamingThePath()
    {
        string path = Path.Combine(Path.GetTempPath(), "no-such-taxonomy.json");

        FileNotFoundException exception = Assert.Throws<FileNotFoundException>(() => FashionpediaTaxonomy.Load(path));

        Assert.Contains(path, exception.Message, StringComparison.Ordinal);
    }
}
