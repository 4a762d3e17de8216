using FashionListing.Inference.Taxonomy;
using FashionListing.Tests.Support;

namespace FashionListing.Tests.Tools.Fashionpedia;

// Kaggle's label_descriptions.json lacks taxonomy_id but is otherwise the taxonomy file, so the app's own
// loader reads it; these tests pin that down for the toolkit.
public sealed class LabelDescriptionsTests
{
    [Fact]
    public void Load_KaggleLabelDescriptions_SameIdsAndNamesAsTheTaxonomyFile()
    {
        string kaggle = Path.Combine(SharedData.Fashionpedia, "label_descriptions.json");
        string final = Path.Combine(SharedData.Fashionpedia, FashionpediaTaxonomy.FileName);

        FashionpediaTaxonomy fromKaggle = FashionpediaTaxonomy.Load(kaggle);
        FashionpediaTaxonomy fromFinal = FashionpediaTaxonomy.Load(final);

        Assert.Equal(46, fromKaggle.Categories.Count);
        Assert.Equal(294, fromKaggle.Attributes.Count);
        Assert.Equal(fromFinal.Categories, fromKaggle.Categories);
        Assert.Equal(fromFinal.Attributes, fromKaggle.Attributes);
    }
}
