using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tests.Taxonomy;

public sealed class CategoryDisplayNamesTests
{
    private static readonly FashionpediaTaxonomy s_taxonomy = FashionpediaTaxonomy.LoadDefault();

    [Theory]
    [InlineData("top, t-shirt, sweatshirt", "Top")]
    [InlineData("bag, wallet", "Bag")]
    [InlineData("pants", "Pants")]
    [InlineData("shoe", "Shoes")]
    [InlineData("tights, stockings", "Tights")]
    [InlineData("headband, head covering, hair accessory", "Headband")]
    public void For_TaxonomyCategory_FirstSynonymCapitalisedOrThePluralSellersWrite(string name, string expected)
    {
        string display = CategoryDisplayNames.For(s_taxonomy.GetCategory(name));

        Assert.Equal(expected, display);
    }

    [Fact]
    public void For_EveryCategory_IsUniqueAndStartsWithACapital()
    {
        List<string> names = [.. s_taxonomy.Categories.Select(CategoryDisplayNames.For)];

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.True(char.IsUpper(n[0]), $"\"{n}\" does not start with a capital"));
    }

    [Fact]
    public void IsPart_Taxonomy_GarmentsAndAccessoriesAreNotPartsSleevesZipsAndBowsAre()
    {
        List<int> parts = [.. s_taxonomy.Categories.Where(CategoryDisplayNames.IsPart).Select(c => c.Id)];

        // The taxonomy lists garments and accessories as ids 0-26 and parts, closures and decorations as 27-45.
        Assert.Equal(Enumerable.Range(27, 19), parts);
    }
}
