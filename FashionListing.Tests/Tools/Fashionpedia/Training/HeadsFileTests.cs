using FashionListing.Inference.Classification;
using FashionListing.Tools.Fashionpedia.Training;

namespace FashionListing.Tests.Tools.Fashionpedia.Training;

public sealed class HeadsFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("heads-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Load_SavedFile_GivesBackEveryValue()
    {
        FashionpediaHeads heads = HeadTestData.RandomHeads(inputs: 3, categories: 2, attributes: 4, new Random(9));
        CategoryHeadRecipe recipe = new(CategoryFeatureSet.Embedding, 0.05f, false, true, 288);
        string path = Path.Combine(_folder, "heads.json");

        HeadsFile.From(heads, 3, 1.2345, recipe, "label-ids.json").Save(path);
        HeadsFile loaded = HeadsFile.Load(path);

        Assert.Equal(3, loaded.Epoch);
        Assert.Equal(1.2345, loaded.ValidationLoss);
        Assert.Equal(recipe, loaded.Recipe);
        Assert.Equal("label-ids.json", loaded.LabelIds);
        Assert.Equal(heads.Category.Weights, loaded.Category.Weights);
        Assert.Equal(heads.Category.Biases, loaded.Category.Biases);
        Assert.Equal(heads.Attributes.Weights, loaded.Attributes.Weights);
        Assert.Equal(heads.Attributes.Biases, loaded.Attributes.Biases);
        Assert.Equal(heads.LogVariances, loaded.LogVariances);
        Assert.Equal(heads.Standardiser.Scale, loaded.Standardiser.Scale);
    }

    [Fact]
    public void Load_OtherFormat_ThrowsNamingBoth()
    {
        string path = Path.Combine(_folder, "other.json");
        File.WriteAllText(path, "{\"format\":\"something-else\"}");

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => HeadsFile.Load(path));

        Assert.Contains("something-else", error.Message, StringComparison.Ordinal);
        Assert.Contains(HeadsFile.CurrentFormat, error.Message, StringComparison.Ordinal);
    }
}
