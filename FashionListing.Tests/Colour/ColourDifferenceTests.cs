using FashionListing.Inference.Colour;

namespace FashionListing.Tests.Colour;

public sealed class ColourDifferenceTests
{
    [Fact]
    public void Cie76_ThreeFourZeroOffset_IsFive()
    {
        double distance = ColourDifference.Cie76(new LabColour(50, 0, 0), new LabColour(53, 4, 0));

        Assert.Equal(5.0, distance, 1e-12);
    }

    [Theory]
    // Pairs 1, 7, 17 and 25 of the test data published by Sharma, Wu and Dalal (2005).
    [InlineData(50.0, 2.6772, -79.7751, 50.0, 0.0, -82.7485, 2.0425)]
    [InlineData(50.0, 0.0, 0.0, 50.0, -1.0, 2.0, 2.3669)]
    [InlineData(50.0, 2.5, 0.0, 73.0, 25.0, -18.0, 27.1492)]
    [InlineData(60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644)]
    public void Ciede2000_PublishedPair_MatchesToFourDecimals(
        double l1, double a1, double b1, double l2, double a2, double b2, double expected)
    {
        double distance = ColourDifference.Ciede2000(new LabColour(l1, a1, b1), new LabColour(l2, a2, b2));

        Assert.Equal(expected, distance, 0.0001);
    }

    [Fact]
    public void Ciede2000_SwappedArguments_GivesTheSameDistance()
    {
        LabColour navy = ColourSpace.ToLab(28, 37, 81);
        LabColour coral = ColourSpace.ToLab(244, 127, 107);

        double forward = ColourDifference.Ciede2000(navy, coral);
        double backward = ColourDifference.Ciede2000(coral, navy);

        Assert.Equal(forward, backward, 1e-9);
    }

    [Fact]
    public void Ciede2000_SameColour_IsZero()
    {
        LabColour colour = new(40.0, 20.0, -30.0);

        double distance = ColourDifference.Ciede2000(colour, colour);

        Assert.Equal(0.0, distance, 1e-12);
    }
}
