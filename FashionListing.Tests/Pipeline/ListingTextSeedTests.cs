using FashionListing.Inference.Colour;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Taxonomy;

namespace FashionListing.Tests.Pipeline;

public sealed class ListingTextSeedTests
{
    private static readonly StarterLabelMap s_map = StarterLabelMap.LoadDefault(FashionpediaTaxonomy.LoadDefault());

    private static readonly ColourSuggestion s_burgundy = new("burgundy", "#6E1530", 0.8);
    private static readonly ColourSuggestion s_white = new("white", "#FAFAFA", 0.15);

    [Theory]
    [InlineData("T-Shirt", "burgundy", "Burgundy short-sleeve T-shirt")]
    [InlineData("Longsleeve", "navy", "Navy long-sleeve top")]
    [InlineData("Pants", "black", "Black pants")]
    [InlineData("Undershirt", "white", "White sleeveless tank top")]
    [InlineData("Polo", "light blue", "Light blue short-sleeve polo shirt")]
    [InlineData("Blazer", "charcoal", "Charcoal blazer")]
    [InlineData("Outwear", "khaki", "Khaki jacket")]
    public void CreateTitle_LabelAndColour_ReadsLikeAListingTitle(string label, string colour, string expected)
    {
        StarterLabel entry = s_map.Get(label);
        ColourSuggestion[] colours = [new(colour, "#000000", 0.9)];

        string title = ListingTextSeed.CreateTitle(
            entry.ToCategorySuggestion(0.9f), colours, entry.ToAttributeSuggestions(0.9f));

        Assert.Equal(expected, title);
    }

    [Fact]
    public void CreateTitle_NoColour_StartsWithTheSleeveInCapitals()
    {
        StarterLabel entry = s_map.Get("T-Shirt");

        string title = ListingTextSeed.CreateTitle(
            entry.ToCategorySuggestion(0.9f), [], entry.ToAttributeSuggestions(0.9f));

        Assert.Equal("Short-sleeve T-shirt", title);
    }

    [Fact]
    public void CreateTitle_NoColourNoAttribute_IsTheDisplayName()
    {
        string title = ListingTextSeed.CreateTitle(s_map.Get("Dress").ToCategorySuggestion(0.5f), [], []);

        Assert.Equal("Dress", title);
    }

    [Fact]
    public void CreateTitle_HandMadeSuggestion_UsesOnlyTheLargestColour()
    {
        CategorySuggestion category = new("Dress", "Dress", 10, "dress", 0.7f, []);
        AttributeSuggestion[] attributes = [new(158, "elbow-length", "length", 0.6f)];

        string title = ListingTextSeed.CreateTitle(category, [s_burgundy, s_white], attributes);

        Assert.Equal("Burgundy elbow-sleeve dress", title);
    }

    [Fact]
    public void CreateDescription_TShirt_ListsColoursWithSharesAndDetails()
    {
        StarterLabel entry = s_map.Get("T-Shirt");

        string description = ListingTextSeed.CreateDescription(
            entry.ToCategorySuggestion(0.9f), [s_burgundy, s_white], entry.ToAttributeSuggestions(0.9f));

        Assert.Equal(
            "T-shirt in burgundy (80%) and white (15%). Details: classic t-shirt, short sleeves.",
            description);
    }

    [Fact]
    public void CreateDescription_ThreeColours_JoinsThemAsAList()
    {
        CategorySuggestion category = new("Skirt", "Skirt", 8, "skirt", 0.7f, []);
        ColourSuggestion[] colours =
        [
            new("navy", "#1C2551", 0.5),
            new("white", "#FAFAFA", 0.3),
            new("red", "#C8102E", 0.2),
        ];

        string description = ListingTextSeed.CreateDescription(category, colours, []);

        Assert.Equal("Skirt in navy (50%), white (30%) and red (20%).", description);
    }

    [Fact]
    public void CreateDescription_NoColoursNoAttributes_IsTheDisplayName()
    {
        string description = ListingTextSeed.CreateDescription(s_map.Get("Hat").ToCategorySuggestion(0.4f), [], []);

        Assert.Equal("Hat.", description);
    }
}
