using FashionListing.Web.Components.Listing;

namespace FashionListing.Tests.Web.Components.Listing;

public sealed class GarmentColoursTests
{
    [Theory]
    [InlineData("#E65A14")]
    [InlineData("#00aabe")]
    public void Safe_HexColour_ReturnedAsItIs(string colour)
    {
        string safe = GarmentColours.Safe(colour);

        Assert.Equal(colour, safe);
    }

    [Theory]
    [InlineData("red; background-image: url(x)")]
    [InlineData("#E65A1")]
    [InlineData("E65A14")]
    [InlineData(null)]
    public void Safe_AnythingElse_ReturnsTheFallback(string? colour)
    {
        string safe = GarmentColours.Safe(colour);

        Assert.Equal(GarmentColours.Fallback, safe);
    }

    [Theory]
    // Navy #000080: luminance 0.0722 x 0.2159 = 0.016, far below 0.179.
    [InlineData("#000080", "#FFFFFF")]
    // Yellow #FFFF00: luminance 0.2126 + 0.7152 = 0.928.
    [InlineData("#FFFF00", "#000000")]
    // Mid grey #767676: channel 0.4627 linearises to 0.1812, just above 0.179.
    [InlineData("#767676", "#000000")]
    // #757575: channel 0.4588 linearises to 0.1779, just below.
    [InlineData("#757575", "#FFFFFF")]
    public void TextOn_Colour_PicksTheBetterContrast(string colour, string expected)
    {
        string text = GarmentColours.TextOn(colour);

        Assert.Equal(expected, text);
    }
}
