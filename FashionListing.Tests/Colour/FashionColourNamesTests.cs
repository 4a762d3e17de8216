using FashionListing.Inference.Colour;

namespace FashionListing.Tests.Colour;

public sealed class FashionColourNamesTests
{
    public static TheoryData<string> AllNames => new(FashionColourNames.All.Select(c => c.Name));

    [Fact]
    public void All_Table_HasThirtyToFortyDistinctNames()
    {
        IReadOnlyList<NamedColour> all = FashionColourNames.All;

        Assert.InRange(all.Count, 30, 40);
        Assert.Equal(all.Count, all.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(AllNames))]
    public void Nearest_RepresentativeColour_IsItsOwnName(string name)
    {
        NamedColour entry = FashionColourNames.All.Single(c => c.Name == name);

        NamedColour nearest = FashionColourNames.Nearest(entry.Lab);

        Assert.Equal(name, nearest.Name);
    }

    [Theory]
    [InlineData(0, 0, 0, "black")]
    [InlineData(255, 255, 255, "white")]
    [InlineData(128, 128, 128, "grey")]
    [InlineData(255, 0, 0, "red")]
    [InlineData(0, 0, 128, "navy")]
    [InlineData(30, 40, 70, "navy")]
    [InlineData(0, 0, 255, "royal blue")]
    [InlineData(60, 90, 130, "denim")]
    [InlineData(255, 192, 203, "pink")]
    [InlineData(128, 128, 0, "olive")]
    [InlineData(0, 128, 128, "teal")]
    [InlineData(245, 245, 220, "cream")]
    public void Nearest_CommonColour_GetsTheExpectedName(byte red, byte green, byte blue, string expected)
    {
        NamedColour nearest = FashionColourNames.Nearest(ColourSpace.ToLab(red, green, blue));

        Assert.Equal(expected, nearest.Name);
    }

    [Fact]
    public void All_EveryEntry_HasLabComputedFromItsHex()
    {
        NamedColour navy = FashionColourNames.All.Single(c => c.Name == "navy");

        LabColour expected = ColourSpace.ToLab(0x1C, 0x25, 0x51);

        Assert.Equal("#1C2551", navy.Hex);
        Assert.Equal(expected, navy.Lab);
    }
}
