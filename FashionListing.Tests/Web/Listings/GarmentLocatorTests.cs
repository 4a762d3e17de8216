using FashionListing.Inference.Segmentation;
using FashionListing.Web.Listings;

namespace FashionListing.Tests.Web.Listings;

public sealed class GarmentLocatorTests
{
    [Fact]
    public void GarmentAt_PointInsideOneMask_ReturnsThatGarment()
    {
        // 10x10: garment 0 covers columns 0-4, garment 1 columns 5-9.
        var locator = new GarmentLocator([Rectangle(10, 10, 0, 0, 5, 10), Rectangle(10, 10, 5, 0, 10, 10)]);

        int? garment = locator.GarmentAt(new PhotoPoint(0.75, 0.5));

        Assert.Equal(1, garment);
    }

    [Fact]
    public void GarmentAt_BeltDrawnOverADress_ReturnsTheBeltWhicheverComesFirst()
    {
        GarmentMask dress = Rectangle(20, 40, 2, 2, 18, 38);
        GarmentMask belt = Rectangle(20, 40, 2, 18, 18, 21);

        // (0.5, 0.475) is pixel (10, 19): inside both; the belt has 16x3 = 48 pixels, the dress 16x36 = 576.
        int? beltLast = new GarmentLocator([dress, belt]).GarmentAt(new PhotoPoint(0.5, 0.475));
        int? beltFirst = new GarmentLocator([belt, dress]).GarmentAt(new PhotoPoint(0.5, 0.475));

        Assert.Equal(1, beltLast);
        Assert.Equal(0, beltFirst);
    }

    [Fact]
    public void GarmentAt_AboveTheBeltOnTheDress_ReturnsTheDress()
    {
        var locator = new GarmentLocator([Rectangle(20, 40, 2, 2, 18, 38), Rectangle(20, 40, 2, 18, 18, 21)]);

        // (0.5, 0.25) is pixel (10, 10): the dress only.
        int? garment = locator.GarmentAt(new PhotoPoint(0.5, 0.25));

        Assert.Equal(0, garment);
    }

    [Fact]
    public void GarmentAt_Background_ReturnsNull()
    {
        var locator = new GarmentLocator([Rectangle(10, 10, 2, 2, 8, 8)]);

        // (0.15, 0.5) is pixel (1, 5), left of the garment.
        int? garment = locator.GarmentAt(new PhotoPoint(0.15, 0.5));

        Assert.Null(garment);
    }

    [Fact]
    public void GarmentAt_BottomRightCorner_MapsToTheLastPixel()
    {
        // Only pixel (9, 9) is set; x = 1.0 would be column 10, one past the edge.
        var locator = new GarmentLocator([Rectangle(10, 10, 9, 9, 10, 10)]);

        int? garment = locator.GarmentAt(new PhotoPoint(1.0, 1.0));

        Assert.Equal(0, garment);
    }

    [Theory]
    [InlineData(-0.01, 0.5)]
    [InlineData(0.5, 1.01)]
    [InlineData(double.NaN, 0.5)]
    public void GarmentAt_OffThePhoto_ReturnsNull(double x, double y)
    {
        var locator = new GarmentLocator([Rectangle(10, 10, 0, 0, 10, 10)]);

        int? garment = locator.GarmentAt(new PhotoPoint(x, y));

        Assert.Null(garment);
    }

    [Fact]
    public void BadgePoint_SmallRectangle_AtItsCentrePixel()
    {
        // Columns 2-8 and rows 1-5 of 11x7: the centre pixel is (5, 3), whose centre is (5.5, 3.5).
        var locator = new GarmentLocator([Rectangle(11, 7, 2, 1, 9, 6)]);

        PhotoPoint badge = locator.BadgePoint(0);

        Assert.Equal(5.5 / 11, badge.X, 6);
        Assert.Equal(3.5 / 7, badge.Y, 6);
    }

    [Fact]
    public void BadgePoint_LargePhoto_WithinOneGridCellOfTheCentre()
    {
        // 640x480 puts the badge on a grid of 10-pixel cells; the square's centre is (200, 300).
        var locator = new GarmentLocator([Rectangle(640, 480, 100, 200, 300, 400)]);

        PhotoPoint badge = locator.BadgePoint(0);

        Assert.InRange(badge.X * 640, 190, 210);
        Assert.InRange(badge.Y * 480, 290, 310);
    }

    [Fact]
    public void BadgePoint_Ring_OnTheRingNotInTheHole()
    {
        // A 30x30 ring 6 pixels thick: the centre of the photo is in the hole.
        GarmentMask ring = Rectangle(30, 30, 0, 0, 30, 30);
        for (int y = 6; y < 24; y++)
        {
            Array.Clear(ring.Pixels, (y * 30) + 6, 18);
        }

        PhotoPoint badge = new GarmentLocator([ring]).BadgePoint(0);

        int x = (int)(badge.X * 30);
        int row = (int)(badge.Y * 30);
        Assert.Equal(1, ring.Pixels[(row * 30) + x]);
    }

    [Fact]
    public void BadgePoint_GarmentWithASmallerOneOnItsCentre_OnTheUncoveredPartWhereAClickPicksIt()
    {
        // A 40x40 coat with a 20x20 bag on its centre: the coat's own thickest point (its centre) is the bag's.
        GarmentMask coat = Rectangle(40, 40, 0, 0, 40, 40);
        GarmentMask bag = Rectangle(40, 40, 10, 10, 30, 30);
        var locator = new GarmentLocator([coat, bag]);

        PhotoPoint coatBadge = locator.BadgePoint(0);
        PhotoPoint bagBadge = locator.BadgePoint(1);

        Assert.Equal(0, locator.GarmentAt(coatBadge));
        Assert.Equal(1, locator.GarmentAt(bagBadge));
        // The bag's columns and rows 10-29: cells 19 and 20 both lie 10 steps from its edge and as near its
        // centre (19.5); the first in reading order, pixel (19, 19), wins.
        Assert.Equal(new PhotoPoint(19.5 / 40, 19.5 / 40), bagBadge);
    }

    [Fact]
    public void BadgePoint_GarmentWhollyCoveredByAnEqualEarlierOne_OnItsOwnMask()
    {
        // Two identical masks: the earlier garment takes every pixel, so the later one's badge falls back to
        // its own mask's centre pixel (5, 3) of 11x7.
        var locator = new GarmentLocator([Rectangle(11, 7, 2, 1, 9, 6), Rectangle(11, 7, 2, 1, 9, 6)]);

        PhotoPoint badge = locator.BadgePoint(1);

        Assert.Equal(0, locator.GarmentAt(badge));
        Assert.Equal(5.5 / 11, badge.X, 6);
        Assert.Equal(3.5 / 7, badge.Y, 6);
    }

    [Fact]
    public void BadgePoint_EmptyMask_AtThePhotosCentre()
    {
        var locator = new GarmentLocator([new GarmentMask(8, 6, new byte[48])]);

        PhotoPoint badge = locator.BadgePoint(0);

        Assert.Equal(new PhotoPoint(0.5, 0.5), badge);
    }

    [Fact]
    public void Constructor_FewerValuesThanPixels_ThrowsNamingTheSizes()
    {
        var broken = new GarmentMask(4, 4, new byte[15]);

        var error = Assert.Throws<ArgumentException>(() => new GarmentLocator([broken]));

        Assert.Contains("4x4 with 15 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_MasksOfDifferentSizes_ThrowsNamingBoth()
    {
        GarmentMask[] masks = [Rectangle(10, 10, 0, 0, 5, 5), Rectangle(12, 10, 0, 0, 5, 5)];

        var error = Assert.Throws<ArgumentException>(() => new GarmentLocator(masks));

        Assert.Contains("Mask 1 is 12x10", error.Message, StringComparison.Ordinal);
        Assert.Contains("10x10", error.Message, StringComparison.Ordinal);
    }

    // The pixels from (left, top) up to but not including (right, bottom) are set.
    private static GarmentMask Rectangle(int width, int height, int left, int top, int right, int bottom)
    {
        byte[] pixels = new byte[width * height];
        for (int y = top; y < bottom; y++)
        {
            Array.Fill(pixels, (byte)1, (y * width) + left, right - left);
        }

        return new GarmentMask(width, height, pixels);
    }
}
