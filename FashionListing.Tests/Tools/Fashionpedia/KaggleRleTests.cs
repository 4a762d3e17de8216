using FashionListing.Tools.Fashionpedia;

namespace FashionListing.Tests.Tools.Fashionpedia;

public sealed class KaggleRleTests
{
    [Fact]
    public void Encode_TopLeftPixel_IsOneOne()
    {
        byte[] mask = new byte[3 * 4];
        mask[0] = 1;

        string encoded = KaggleRle.Encode(mask, height: 3, width: 4);

        Assert.Equal("1 1", encoded);
    }

    [Fact]
    public void Encode_PixelRightOfTopLeft_IsNumberedAfterTheWholeFirstColumn()
    {
        // Column-major: the first column holds pixels 1-3 of a 3-high photo, so (x 1, y 0) is pixel 4.
        byte[] mask = new byte[3 * 4];
        mask[1] = 1;

        string encoded = KaggleRle.Encode(mask, height: 3, width: 4);

        Assert.Equal("4 1", encoded);
    }

    [Fact]
    public void Decode_RunAcrossColumnBoundary_SetsBottomOfOneColumnAndTopOfTheNext()
    {
        // 3 high, 2 wide: pixel 3 is (x 0, y 2), pixel 4 is (x 1, y 0); row-major indices 2*2+0 and 0*2+1.
        byte[] expected = [0, 1, 0, 0, 1, 0];

        byte[] mask = KaggleRle.Decode("3 2", height: 3, width: 2);

        Assert.Equal(expected, mask);
    }

    [Fact]
    public void Encode_RunAcrossColumnBoundary_IsOneRun()
    {
        byte[] mask = [0, 1, 0, 0, 1, 0];

        string encoded = KaggleRle.Encode(mask, height: 3, width: 2);

        Assert.Equal("3 2", encoded);
    }

    [Fact]
    public void Encode_EmptyMask_IsEmptyString()
    {
        byte[] mask = new byte[5 * 7];

        string encoded = KaggleRle.Encode(mask, height: 5, width: 7);

        Assert.Equal(string.Empty, encoded);
    }

    [Fact]
    public void Decode_EmptyString_IsEmptyMask()
    {
        byte[] mask = KaggleRle.Decode(string.Empty, height: 5, width: 7);

        Assert.Equal(35, mask.Length);
        Assert.All(mask, v => Assert.Equal(0, v));
    }

    [Fact]
    public void Encode_FullMask_IsOneRunOfAllPixels()
    {
        byte[] mask = Enumerable.Repeat((byte)1, 2 * 3).ToArray();

        string encoded = KaggleRle.Encode(mask, height: 2, width: 3);

        Assert.Equal("1 6", encoded);
    }

    [Fact]
    public void Decode_BottomRightPixelAndTwoRuns_SetExactlyThosePixels()
    {
        // 2 high, 3 wide. Pixels 1-2 are column 0; pixel 6 is (x 2, y 1), row-major 1*3+2 = 5.
        byte[] expected = [1, 0, 0, 1, 0, 1];

        byte[] mask = KaggleRle.Decode("1 2 6 1", height: 2, width: 3);

        Assert.Equal(expected, mask);
    }

    [Fact]
    public void Encode_TouchingRunsDecoded_AreWrittenAsOneRun()
    {
        byte[] mask = KaggleRle.Decode("1 2 3 1", height: 2, width: 3);

        string encoded = KaggleRle.Encode(mask, height: 2, width: 3);

        Assert.Equal("1 3", encoded);
    }

    [Fact]
    public void EncodeThenDecode_RandomMasks_GiveTheMaskBackAndDecodeThenEncodeTheString()
    {
        Random random = new(20200402);
        for (int trial = 0; trial < 200; trial++)
        {
            int height = random.Next(1, 40);
            int width = random.Next(1, 40);
            double density = random.NextDouble();
            byte[] mask = new byte[height * width];
            for (int i = 0; i < mask.Length; i++)
            {
                mask[i] = random.NextDouble() < density ? (byte)1 : (byte)0;
            }

            string encoded = KaggleRle.Encode(mask, height, width);
            byte[] decoded = KaggleRle.Decode(encoded, height, width);

            Assert.Equal(mask, decoded);
            Assert.Equal(encoded, KaggleRle.Encode(decoded, height, width));
            Assert.Equal(mask.Count(v => v == 1), KaggleRle.Validate(encoded, height, width));
        }
    }

    [Theory]
    [InlineData("1 2 3", "3 values", "even number")]
    [InlineData("7 1", "starts at pixel 7", "pixels 1 to 6")]
    [InlineData("0 1", "starts at pixel 0", "pixels 1 to 6")]
    [InlineData("5 3", "pixels 5 to 7", "pixels 1 to 6")]
    [InlineData("1 3 2 1", "starts at pixel 2", "previous run ends at pixel 3")]
    [InlineData("4 1 1 1", "starts at pixel 1", "previous run ends at pixel 4")]
    [InlineData("1 x", "\"x\"", "from 1 to 6")]
    [InlineData("-1 2", "\"-1\"", "from 1 to 6")]
    [InlineData("1.5 2", "\"1.5\"", "from 1 to 6")]
    [InlineData("2 0", "length 0", "at least 1")]
    public void Decode_MalformedEncoding_ThrowsNamingTheValueAndTheLimit(string encoded, string value, string limit)
    {
        FormatException error = Assert.Throws<FormatException>(() => KaggleRle.Decode(encoded, height: 2, width: 3));

        Assert.Contains(value, error.Message, StringComparison.Ordinal);
        Assert.Contains(limit, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encode_MaskOfWrongLength_ThrowsNamingBothLengths()
    {
        byte[] mask = new byte[5];

        ArgumentException error = Assert.Throws<ArgumentException>(() => KaggleRle.Encode(mask, height: 2, width: 3));

        Assert.Contains("5 pixels", error.Message, StringComparison.Ordinal);
        Assert.Contains("has 6", error.Message, StringComparison.Ordinal);
    }
}
