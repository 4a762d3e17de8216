using FashionListing.Inference;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Segmentation;
using FashionListing.Inference.Taxonomy;
using FashionListing.Tests.Support;
using FashionListing.Tools.Classification;
using FashionListing.Tools.Fashionpedia;
using FashionListing.Tools.Fashionpedia.Training;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Tools.Fashionpedia.Training;

public sealed class FashionpediaTrainCommandTests : IClassFixture<FashionpediaTrainCommandTests.Models>, IDisposable
{
    private readonly Models _models;
    private readonly string _folder = Directory.CreateTempSubdirectory("fashionpedia-train-").FullName;

    public FashionpediaTrainCommandTests(Models models)
    {
        _models = models;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Train_ClothingPhotosOfTwentyOneSenders_WritesHeadsMapperHistoryAndReport()
    {
        LabelledPhoto[] photos = PhotosOfTwentyOneSenders();
        string output = Path.Combine(_folder, "out");
        FashionpediaTrainOptions options = ClothingOptions(
            photos, output, "--epochs", "3", "--learning-rate", "0.001", "--batch-size", "8");

        HeadTrainingRun run = FashionpediaTrainCommand.Train(
            options, _models.Backbone, _models.Segmenter, "test-mask-head", TextWriter.Null);

        IReadOnlyDictionary<DataSplit, LabelledPhoto[]> parts = SenderSplit.Partition(photos, options.SplitSeed);
        Assert.Equal(2 * parts[DataSplit.Train].Length, run.Data.Train.Count);
        Assert.Equal(parts[DataSplit.Validation].Length, run.Data.Validation.Count);
        HeadsFile heads = HeadsFile.Load(Path.Combine(output, FashionpediaTrainCommand.HeadsFileName));
        Assert.Equal(run.Training.BestEpoch, heads.Epoch);
        Assert.Equal(run.Training.History.Min(e => e.Validation.Total), heads.ValidationLoss);
        Assert.Equal(46, heads.Category.Outputs);
        Assert.Equal(294, heads.Attributes.Outputs);
        Assert.Equal(1280, heads.Category.Inputs);
        LabelIdMapper mapper = LabelIdMapper.Load(Path.Combine(output, heads.LabelIds));
        Assert.Equal(46, mapper.CategoryCount);
        Assert.Equal(5, File.ReadAllLines(Path.Combine(output, FashionpediaTrainCommand.HistoryCsvFileName)).Length);
        Assert.True(File.Exists(Path.Combine(output, FashionpediaTrainCommand.PlotFileName)));
        Assert.True(File.Exists(Path.Combine(output, FashionpediaTrainCommand.CheckpointFileName)));
        string report = File.ReadAllText(Path.Combine(output, FashionpediaTrainCommand.ReportFileName));
        Assert.Contains(options.CommandLine, report, StringComparison.Ordinal);
        Assert.True(run.Training.History[^1].Train.Total < run.Training.History[0].Train.Total);
    }

    [Fact]
    public void Train_ClothingTShirt_ObservesOnlyTheGroupsOfItsImpliedAttributes()
    {
        FashionpediaTrainOptions options = ClothingOptions(
            PhotosOfTwentyOneSenders(), Path.Combine(_folder, "out"), "--epochs", "1");
        FashionpediaTaxonomy taxonomy = FashionpediaTaxonomy.LoadDefault();
        LabelIdMapper mapper = LabelIdMapper.FromTaxonomy(taxonomy);
        FashionpediaAttributeDefinition classic = taxonomy.GetAttribute("classic (t-shirt)");
        FashionpediaAttributeDefinition shortSleeve = taxonomy.GetAttribute("short (length)");
        FashionpediaAttributeDefinition wrist = taxonomy.GetAttribute("wrist-length");
        int topCategory = mapper.CategoryIndex(taxonomy.GetCategory("top, t-shirt, sweatshirt").Id);

        HeadTrainingRun run = FashionpediaTrainCommand.Train(
            options, _models.Backbone, _models.Segmenter, "test-mask-head", TextWriter.Null);

        // The T-shirts of the train part: positive for their two implied attributes, negative for the
        // other sleeve lengths, silent on everything else (a pattern, a neckline).
        HeadExample tShirt = run.Data.Train.First(e => e.Category == topCategory && e.AttributeTargets.Any(t => t));
        Assert.True(tShirt.AttributeTargets[mapper.AttributeIndex(classic.Id)]);
        Assert.True(tShirt.AttributeTargets[mapper.AttributeIndex(shortSleeve.Id)]);
        Assert.True(tShirt.AttributeObserved[mapper.AttributeIndex(wrist.Id)]);
        Assert.False(tShirt.AttributeTargets[mapper.AttributeIndex(wrist.Id)]);
        Assert.False(tShirt.AttributeObserved[mapper.AttributeIndex(taxonomy.GetAttribute("floral").Id)]);
    }

    [Fact]
    public void Train_KaggleCsvOfSevenPhotos_TrainsOnTheInstancesOfTheTrainAndValidationPhotos()
    {
        FashionpediaTaxonomy taxonomy = FashionpediaTaxonomy.LoadDefault();
        (string csv, string images, FashionpediaSample[] samples) = SmallKaggleSet(taxonomy);
        string output = Path.Combine(_folder, "kaggle-out");
        FashionpediaTrainOptions options = FashionpediaTrainOptions.Parse(
        [
            "--source", "kaggle", "--csv", csv, "--images", images, "--epochs", "2", "--learning-rate", "0.01",
            "--out", output,
        ]);

        HeadTrainingRun run = FashionpediaTrainCommand.Train(
            options, _models.Backbone, segmenter: null, "unused", TextWriter.Null);

        SplitAssignment split = PhotoSplit.Split(samples, options.SplitSeed);
        int Instances(IReadOnlyList<string> ids) =>
            samples.Where(s => ids.Contains(s.ImageId)).Sum(s => s.Instances.Count);
        Assert.Equal(2 * Instances(split.Train), run.Data.Train.Count);
        Assert.Equal(Instances(split.Validation), run.Data.Validation.Count);
        LabelIdMapper mapper = LabelIdMapper.FromTaxonomy(taxonomy);
        int dress = mapper.CategoryIndex(taxonomy.GetCategory("dress").Id);
        HeadExample dressExample = run.Data.Train.First(e => e.Category == dress);
        FashionpediaAttributeDefinition floral = taxonomy.GetAttribute("floral");
        Assert.True(dressExample.AttributeTargets[mapper.AttributeIndex(floral.Id)]);
        // Unlabelled attributes that describe the category count as negatives: a dress's neckline, but
        // not a shoe's.
        int vNeck = mapper.AttributeIndex(taxonomy.GetAttribute("v-neck").Id);
        Assert.True(dressExample.AttributeObserved[vNeck]);
        Assert.False(dressExample.AttributeTargets[vNeck]);
        int shoe = mapper.CategoryIndex(taxonomy.GetCategory("shoe").Id);
        Assert.False(run.Data.Train.First(e => e.Category == shoe).AttributeObserved[vNeck]);
        Assert.True(File.Exists(Path.Combine(output, FashionpediaTrainCommand.HeadsFileName)));
    }

    [Fact]
    public void Parse_UnknownOption_ThrowsNamingIt()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => FashionpediaTrainOptions.Parse(["--source", "clothing", "--learning_rate", "0.1"]));

        Assert.Contains("--learning_rate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SharesWithTheClothingSource_ThrowsBecauseItSplitsBySender()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(
            () => FashionpediaTrainOptions.Parse(["--source", "clothing", "--train-share", "0.5"]));

        Assert.Contains("by sender", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NoLogVarianceRate_UsesTheLearningRate()
    {
        FashionpediaTrainOptions options = FashionpediaTrainOptions.Parse(["--source", "clothing"]);

        Assert.Equal(1e-5, options.Settings.LearningRate);
        Assert.Equal(1e-5, options.Settings.LogVarianceLearningRate);
    }

    // One photo from each of 21 senders: each holds under 5 % of the photos, so the sender split
    // spreads them over train, validation and test instead of sending them all to train.
    private static LabelledPhoto[] PhotosOfTwentyOneSenders() => [.. ClothingDataset
        .ReadGarmentPhotos(Path.Combine(SharedData.ClothingDataset, "images.csv"))
        .DistinctBy(p => p.SenderId)
        .Take(21)];

    private FashionpediaTrainOptions ClothingOptions(
        IReadOnlyList<LabelledPhoto> photos,
        string output,
        params string[] more) => FashionpediaTrainOptions.Parse(
    [
        "--source", "clothing", "--dataset", SmallClothingDataset(photos), "--cache", _models.Cache,
        "--out", output, .. more,
    ]);

    private string SmallClothingDataset(IReadOnlyList<LabelledPhoto> photos)
    {
        string dataset = Path.Combine(_folder, "clothing");
        Directory.CreateDirectory(Path.Combine(dataset, "images"));
        List<string> lines = ["image,sender_id,label,kids"];
        foreach (LabelledPhoto photo in photos)
        {
            lines.Add($"{photo.Image},{photo.SenderId},{photo.Label},False");
            File.CreateSymbolicLink(
                Path.Combine(dataset, "images", photo.Image + ".jpg"), SharedData.ClothingPhoto(photo.Image));
        }

        File.WriteAllLines(Path.Combine(dataset, "images.csv"), lines);

        return dataset;
    }

    // The two Fashionpedia sample photos, each copied under several ids, with rectangular instances:
    // a dress with a floral pattern in the upper half and a shoe in the lower left quarter.
    private (string Csv, string Images, FashionpediaSample[] Samples) SmallKaggleSet(FashionpediaTaxonomy taxonomy)
    {
        string images = Path.Combine(_folder, "kaggle-images");
        Directory.CreateDirectory(images);
        string[] sources = Directory.GetFiles(Path.Combine(SharedData.Fashionpedia, "images"), "*.jpg");
        Array.Sort(sources, StringComparer.Ordinal);
        List<FashionpediaSample> samples = [];
        for (int i = 0; i < 7; i++)
        {
            string id = $"photo{i}";
            string source = sources[i % sources.Length];
            File.Copy(source, Path.Combine(images, id + ".jpg"));
            using SKBitmap photo = SKBitmap.Decode(source);
            int w = photo.Width;
            int h = photo.Height;
            FashionpediaInstance dress = new(
                taxonomy.GetCategory("dress").Id,
                [taxonomy.GetAttribute("floral").Id],
                KaggleRle.Encode(Rectangle(w, h, 0, 0, w, h / 2), h, w));
            FashionpediaInstance shoe = new(
                taxonomy.GetCategory("shoe").Id, [], KaggleRle.Encode(Rectangle(w, h, 0, h / 2, w / 2, h), h, w));
            samples.Add(new FashionpediaSample(id, h, w, [dress, shoe]));
        }

        string csv = Path.Combine(_folder, "train.csv");
        KaggleTrainCsv.Write(csv, samples);

        return (csv, images, [.. samples]);
    }

    private static byte[] Rectangle(int width, int height, int left, int top, int right, int bottom)
    {
        byte[] mask = new byte[width * height];
        for (int y = top; y < bottom; y++)
        {
            mask.AsSpan((y * width) + left, right - left).Fill(1);
        }

        return mask;
    }

    /// <summary>The app's backbone and mask head, and a feature cache the clothing tests share.</summary>
    public sealed class Models : IDisposable
    {
        private readonly ServiceProvider _services;

        public Models()
        {
            ServiceCollection services = new();
            services.AddLogging();
            services.AddInference(new ConfigurationBuilder().Build());
            _services = services.BuildServiceProvider();
            Backbone = _services.GetRequiredService<ResNet18Backbone>();
            Segmenter = _services.GetRequiredService<IGarmentSegmenter>();
            Cache = Directory.CreateTempSubdirectory("fashionpedia-train-cache-").FullName;
        }

        public string Cache { get; }

        public ResNet18Backbone Backbone { get; }

        public IGarmentSegmenter Segmenter { get; }

        public void Dispose()
        {
            _services.Dispose();
            Directory.Delete(Cache, recursive: true);
        }
    }
}
