using FashionListing.Tools.Fashionpedia;

namespace FashionListing.Tests.Tools.Fashionpedia;

public sealed class PolygonRasterizerTests
{
    [Fact]
    public void Fill_SquareFromOneToThree_SetsTheFourPixelsWhoseCentresAreInside()
    {
        // Centres at 1.5 and 2.5 lie inside [1, 3]; 0.5 and 3.5 do not.
        IReadOnlyList<IReadOnlyList<double>> square = [[1, 1, 3, 1, 3, 3, 1, 3]];

        byte[] mask = PolygonRasterizer.Fill(square, width: 5, height: 5);

        int[] set = [.. Enumerable.Range(0, 25).Where(i => mask[i] == 1)];
        Assert.Equal([(1 * 5) + 1, (1 * 5) + 2, (2 * 5) + 1, (2 * 5) + 2], set);
    }

    [Fact]
    public void Fill_TwoOverlappingPolygonsOfOppositeWinding_JoinWithoutAHole()
    {
        // 3 x 3 = 9 pixels each, sharing pixel (2, 2): 17 pixels, the shared one set.
        IReadOnlyList<IReadOnlyList<double>> polygons = [[0, 0, 3, 0, 3, 3, 0, 3], [2, 2, 2, 5, 5, 5, 5, 2]];

        byte[] mask = PolygonRasterizer.Fill(polygons, width: 6, height: 6);

        Assert.Equal(17, mask.Count(v => v == 1));
        Assert.Equal(1, mask[(2 * 6) + 2]);
    }

    [Fact]
    public void Area_TriangleAndSquare_IsTheSumOfTheirShoelaceAreas()
    {
        IReadOnlyList<IReadOnlyList<double>> polygons = [[0, 0, 4, 0, 0, 3], [10, 10, 12, 10, 12, 12, 10, 12]];

        double area = PolygonRasterizer.Area(polygons);

        Assert.Equal(6 + 4, area, 9);
    }

    [Fact]
    public void Fill_PolygonWithFiveCoordinates_ThrowsNamingTheCount()
    {
        IReadOnlyList<IReadOnlyList<double>> polygons = [[0, 0, 4, 0, 0]];

        ArgumentException error = Assert.Throws<ArgumentException>(() => PolygonRasterizer.Fill(polygons, 5, 5));

        Assert.Contains("Polygon 0 has 5 coordinates", error.Message, StringComparison.Ordinal);
    }
}
