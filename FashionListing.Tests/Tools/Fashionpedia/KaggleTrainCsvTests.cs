using FashionListing.Inference.Taxonomy;
using FashionListing.Tests.Support;
using FashionListing.Tools.Fashionpedia;

namespace FashionListing.Tests.Tools.Fashionpedia;

public sealed class KaggleTrainCsvTests : IDisposable
{
    private const string Header = "ImageId,EncodedPixels,Height,Width,ClassId,AttributesIds\n";

    private static readonly FashionpediaTaxonomy s_taxonomy = FashionpediaTaxonomy.Load(
        Path.Combine(SharedData.Fashionpedia, FashionpediaTaxonomy.FileName));

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Read_RowsOfOnePhotoApart_AreOneSampleInRowOrder()
    {
        string path = _folder.WriteText("train.csv", Header
            + "a,1 1,2,3,31,\"115,136\"\n"
            + "b,3 2,3,2,6,\n"
            + "a,5 2,2,3,0,154\n");

        IReadOnlyList<FashionpediaSample> samples = KaggleTrainCsv.Read(path);

        Assert.Equal(2, samples.Count);
        Assert.Equal(new FashionpediaSample("a", 2, 3,
            [new FashionpediaInstance(31, [115, 136], "1 1"), new FashionpediaInstance(0, [154], "5 2")]),
            samples[0]);
        Assert.Equal(new FashionpediaSample("b", 3, 2, [new FashionpediaInstance(6, [], "3 2")]), samples[1]);
    }

    [Fact]
    public void Read_QuotedFieldsAndCrLfLineEnds_AreUnquoted()
    {
        string path = _folder.WriteText("train.csv", Header.Replace("\n", "\r\n", StringComparison.Ordinal)
            + "\"x,\"\"y\"\"\",\"1 2\",2,3,10,\"1, 2,3\"\r\n");

        FashionpediaSample sample = Assert.Single(KaggleTrainCsv.Read(path));

        Assert.Equal("x,\"y\"", sample.ImageId);
        Assert.Equal([1, 2, 3], sample.Instances[0].AttributeIds);
        Assert.Equal("1 2", sample.Instances[0].EncodedPixels);
    }

    [Fact]
    public void Read_ColumnsInAnotherOrderWithAnExtraColumn_AreFoundByName()
    {
        string path = _folder.WriteText("train.csv",
            "ClassId,Width,Note,Height,AttributesIds,EncodedPixels,ImageId\n"
            + "23,3,anything,2,\"\",4 2,shoe-photo\n");

        FashionpediaSample sample = Assert.Single(KaggleTrainCsv.Read(path));

        Assert.Equal(new FashionpediaSample("shoe-photo", 2, 3, [new FashionpediaInstance(23, [], "4 2")]), sample);
    }

    [Fact]
    public void WriteThenRead_RandomSamples_ReadBackEqual()
    {
        Random random = new(46);
        List<FashionpediaSample> samples = [];
        for (int photo = 0; photo < 20; photo++)
        {
            int height = random.Next(1, 30);
            int width = random.Next(1, 30);
            List<FashionpediaInstance> instances = [];
            for (int i = random.Next(1, 5); i > 0; i--)
            {
                byte[] mask = new byte[height * width];
                for (int p = 0; p < mask.Length; p++)
                {
                    mask[p] = (byte)random.Next(2);
                }

                int[] attributes = [.. s_taxonomy.Attributes.Select(a => a.Id).Where(_ => random.Next(60) == 0)];
                instances.Add(new FashionpediaInstance(random.Next(46), attributes,
                    KaggleRle.Encode(mask, height, width)));
            }

            samples.Add(new FashionpediaSample("photo" + photo, height, width, instances));
        }

        string path = _folder.File("train.csv");

        KaggleTrainCsv.Write(path, samples);
        IReadOnlyList<FashionpediaSample> read = KaggleTrainCsv.Read(path, s_taxonomy);

        Assert.Equal(samples, read);
    }

    [Fact]
    public void Write_OneSample_WritesTheHeaderAndOneQuotedRowPerInstance()
    {
        FashionpediaSample sample = new("abc", 4, 5,
            [new FashionpediaInstance(1, [0, 115], "1 3"), new FashionpediaInstance(31, [], "")]);
        string path = _folder.File("train.csv");

        KaggleTrainCsv.Write(path, [sample]);

        Assert.Equal(Header + "abc,1 3,4,5,1,\"0,115\"\nabc,,4,5,31,\n", File.ReadAllText(path));
    }

    [Fact]
    public void Enumerate_GroupedRows_StreamsOneSamplePerPhoto()
    {
        string path = _folder.WriteText("train.csv", Header + "a,1 1,2,3,1,\na,2 1,2,3,2,\nb,1 1,1,1,3,\n");

        List<FashionpediaSample> samples = [.. KaggleTrainCsv.Enumerate(path)];

        Assert.Equal(["a", "b"], samples.Select(s => s.ImageId));
        Assert.Equal([1, 2], samples[0].Instances.Select(i => i.ClassId));
    }

    [Fact]
    public void Enumerate_PhotoRowsApart_ThrowsNamingThePhotoAndLine()
    {
        string path = _folder.WriteText("train.csv", Header + "a,1 1,2,3,1,\nb,1 1,1,1,3,\na,2 1,2,3,2,\n");

        InvalidDataException error = Assert.Throws<InvalidDataException>(
            () => KaggleTrainCsv.Enumerate(path).ToList());

        Assert.Contains("line 4: ImageId a appears again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_HeaderWithoutTwoColumns_ThrowsNamingThem()
    {
        string path = _folder.WriteText("train.csv", "ImageId,EncodedPixels,Height,ClassId\na,1 1,2,3\n");

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => KaggleTrainCsv.Read(path));

        Assert.Contains("lacks the column(s) Width, AttributesIds", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SizeDiffersWithinAPhoto_ThrowsNamingBothLines()
    {
        string path = _folder.WriteText("train.csv", Header + "a,1 1,2,3,1,\nb,1 1,1,1,3,\na,1 1,3,2,2,\n");

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => KaggleTrainCsv.Read(path));

        Assert.Contains("line 4 (ImageId a) gives the photo as 3 x 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("line 2 gave it as 2 x 3", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,1 1,two,3,1,", "line 2 (ImageId a): Height \"two\"")]
    [InlineData("a,1 1,2,0,1,", "line 2 (ImageId a): Width \"0\" is not a whole number of at least 1")]
    [InlineData("a,1 1,2,3,1,\"4,x\"", "line 2 (ImageId a): AttributesIds value \"x\"")]
    [InlineData("a,6 2,2,3,1,", "line 2 (ImageId a): EncodedPixels is invalid: Run 1 covers pixels 6 to 7")]
    [InlineData("a,1 1,2,3", "line 2 has 4 fields; the header has 6")]
    [InlineData("a,\"1 1,2,3,1,", "line 2: a quoted field is not closed")]
    [InlineData(",1 1,2,3,1,", "line 2 has an empty ImageId")]
    public void Read_MalformedRow_ThrowsNamingTheLine(string row, string expected)
    {
        string path = _folder.WriteText("train.csv", Header + row + "\n");

        InvalidDataException error = Assert.Throws<InvalidDataException>(() => KaggleTrainCsv.Read(path));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a,1 1,2,3,46,", "line 2 (ImageId a): ClassId 46 is not a category of the taxonomy")]
    [InlineData("a,1 1,2,3,1,\"115,235\"", "line 2 (ImageId a): attribute id 235 is not an attribute")]
    public void Read_IdNotInTaxonomy_ThrowsNamingTheRow(string row, string expected)
    {
        string path = _folder.WriteText("train.csv", Header + "a,1 1,2,3,45,340\n" + row + "\n");

        InvalidDataException error = Assert.Throws<InvalidDataException>(
            () => KaggleTrainCsv.Read(path, s_taxonomy));

        Assert.Contains(expected.Replace("line 2", "line 3", StringComparison.Ordinal), error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MissingFile_ThrowsNamingThePath()
    {
        string path = _folder.File("none.csv");

        FileNotFoundException error = Assert.Throws<FileNotFoundException>(() => KaggleTrainCsv.Read(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }
}
