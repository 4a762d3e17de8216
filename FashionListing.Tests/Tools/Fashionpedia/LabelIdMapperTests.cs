using System.Text.Json.Nodes;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tests.Support;
using FashionListing.Tools.Fashionpedia;

namespace FashionListing.Tests.Tools.Fashionpedia;

public sealed class LabelIdMapperTests : IDisposable
{
    private static readonly FashionpediaTaxonomy s_taxonomy = FashionpediaTaxonomy.Load(
        Path.Combine(SharedData.Fashionpedia, FashionpediaTaxonomy.FileName));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void FromTaxonomy_AttributeIdsWithAGap_GetConsecutiveIndices()
    {
        // Attribute ids 235-280 and 284 do not exist, so 234 is followed by 281 in the index order.
        LabelIdMapper mapper = LabelIdMapper.FromTaxonomy(s_taxonomy);

        int index234 = mapper.AttributeIndex(234);

        Assert.Equal(46, mapper.CategoryCount);
        Assert.Equal(294, mapper.AttributeCount);
        Assert.Equal(234, index234);
        Assert.Equal(281, mapper.AttributeId(index234 + 1));
        Assert.Equal(293, mapper.AttributeIndex(340));
        Assert.Equal(45, mapper.CategoryIndex(45));
    }

    [Fact]
    public void CategoryAndAttribute_EveryIdThroughItsIndex_IsTheSameId()
    {
        LabelIdMapper mapper = LabelIdMapper.FromTaxonomy(s_taxonomy);

        List<int> categories = [.. s_taxonomy.Categories.Select(c => mapper.CategoryId(mapper.CategoryIndex(c.Id)))];
        List<int> attributes = [.. s_taxonomy.Attributes.Select(a => mapper.AttributeId(mapper.AttributeIndex(a.Id)))];

        Assert.Equal(s_taxonomy.Categories.Select(c => c.Id), categories);
        Assert.Equal(s_taxonomy.Attributes.Select(a => a.Id), attributes);
    }

    [Fact]
    public void SaveThenLoad_WithTheSameTaxonomy_MapsEveryIdAlike()
    {
        LabelIdMapper saved = LabelIdMapper.FromTaxonomy(s_taxonomy);
        string path = _folder.File(LabelIdMapper.FileName);

        saved.Save(path);
        LabelIdMapper loaded = LabelIdMapper.Load(path, s_taxonomy);

        Assert.Equal(saved.AttributeCount, loaded.AttributeCount);
        Assert.Equal(saved.CategoryCount, loaded.CategoryCount);
        Assert.All(Enumerable.Range(0, saved.AttributeCount),
            i => Assert.Equal(saved.AttributeId(i), loaded.AttributeId(i)));
        Assert.Equal("plant", loaded.AttributeName(293));
        Assert.Equal("shirt, blouse", loaded.CategoryName(0));
    }

    [Fact]
    public void Load_NameChangedInTheFile_ThrowsNamingTheIdAndBothNames()
    {
        string path = _folder.File(LabelIdMapper.FileName);
        LabelIdMapper.FromTaxonomy(s_taxonomy).Save(path);
        JsonNode file = JsonNode.Parse(File.ReadAllText(path))!;
        file["categories"]![6]!["name"] = "trousers";
        File.WriteAllText(path, file.ToJsonString());

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => LabelIdMapper.Load(path, s_taxonomy));

        Assert.Contains("category id 6 is saved as \"trousers\" but the taxonomy names it \"pants\"", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AttributeMissingFromTheFile_ThrowsNamingIt()
    {
        string path = _folder.File(LabelIdMapper.FileName);
        LabelIdMapper.FromTaxonomy(s_taxonomy).Save(path);
        JsonNode file = JsonNode.Parse(File.ReadAllText(path))!;
        file["attributes"]!.AsArray().RemoveAt(0);
        File.WriteAllText(path, file.ToJsonString());

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => LabelIdMapper.Load(path, s_taxonomy));

        Assert.Contains("maps 293 attribute ids; the taxonomy has 294, e.g. id 0", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void AttributeIndex_IdInTheGap_ThrowsNamingTheId()
    {
        LabelIdMapper mapper = LabelIdMapper.FromTaxonomy(s_taxonomy);

        KeyNotFoundException error = Assert.Throws<KeyNotFoundException>(() => mapper.AttributeIndex(240));

        Assert.Contains("Attribute id 240 is not mapped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CategoryId_IndexPastTheEnd_ThrowsNamingTheLimit()
    {
        LabelIdMapper mapper = LabelIdMapper.FromTaxonomy(s_taxonomy);

        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => mapper.CategoryId(46));

        Assert.Contains("index is 46; it must be from 0 to 45", error.Message, StringComparison.Ordinal);
    }
}
