using FashionListing.Inference;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Pipeline;
using FashionListing.Inference.Segmentation;
using FashionListing.Tests.Segmentation;
using FashionListing.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace FashionListing.Tests.Pipeline;

/// <summary>The real starter model, end to end, on real seller photos of ../shared/clothing-dataset.</summary>
public sealed class StarterListingSuggesterTests : IClassFixture<StarterListingSuggesterTests.Model>
{
    private readonly IListingSuggester _suggester;

    public StarterListingSuggesterTests(Model model)
    {
        _suggester = model.Suggester;
    }

    [Fact]
    public async Task SuggestAsync_RealPhotoWithReferenceMask_MaskMatchesItAndEverythingIsFilled()
    {
        // The first reference mask by file name; a polo shirt on a floor.
        const string image = "001068a8-86c3-4029-a9d9-1e27015e7e64";
        byte[] file = await File.ReadAllBytesAsync(SharedData.ClothingPhoto(image));

        SuggestionOutcome outcome = await _suggester.SuggestAsync(file, CancellationToken.None);

        PhotoAnalysed analysed = Assert.IsType<PhotoAnalysed>(outcome);
        GarmentSuggestion garment = Assert.Single(analysed.Garments);
        using SKBitmap original = SKBitmap.Decode(file);
        Assert.Equal((original.Width, original.Height), (analysed.Photo.Width, analysed.Photo.Height));
        Assert.Equal((original.Width, original.Height), (garment.Mask.Width, garment.Mask.Height));
        double iou = MaskMetrics.IoU(garment.Mask.Pixels, HeadGarmentSegmenterTests.ReadReference(
            SharedData.ReferenceMask(image), original.Width, original.Height));
        Assert.True(iou >= 0.85, $"mask IoU against the reference is {iou:F3}");
        Assert.Equal(3, garment.Categories.Count);
        Assert.True(garment.Categories[0].Probability >= garment.Categories[1].Probability);
        Assert.NotEmpty(garment.Colours);
        Assert.False(string.IsNullOrWhiteSpace(garment.Title));
        Assert.Contains(garment.Colours[0].Name, garment.Title, StringComparison.OrdinalIgnoreCase);
        using SKBitmap overlay = SKBitmap.Decode(garment.OverlayPng);
        Assert.Equal((original.Width, original.Height), (overlay.Width, overlay.Height));
    }

    [Theory]
    [InlineData("534cb9e4-658e-48a9-a9d9-365149ee52e8", "T-Shirt")]
    [InlineData("3fe20c87-2f09-459c-9b59-d4e9a07b361e", "Pants")]
    [InlineData("30feae84-c7b1-4e72-8b42-0f7736d42cd5", "Shoes")]
    [InlineData("e6a8b33f-279c-4072-8dba-229d94205e55", "Dress")]
    public async Task SuggestAsync_PhotoOfATestSender_OffersItsLabelAmongTheTopThree(string image, string label)
    {
        byte[] file = await File.ReadAllBytesAsync(SharedData.ClothingPhoto(image));

        SuggestionOutcome outcome = await _suggester.SuggestAsync(file, CancellationToken.None);

        GarmentSuggestion garment = Assert.Single(Assert.IsType<PhotoAnalysed>(outcome).Garments);
        Assert.Contains(label, garment.Categories.Select(c => c.Label));
    }

    [Fact]
    public async Task SuggestAsync_TextFileNamedLikeAPhoto_IsRejectedWithAMessage()
    {
        byte[] file = "this is not a photo"u8.ToArray();

        SuggestionOutcome outcome = await _suggester.SuggestAsync(file, CancellationToken.None);

        PhotoRejected rejected = Assert.IsType<PhotoRejected>(outcome);
        Assert.Equal(PhotoRejectionReason.UnsupportedType, rejected.Reason);
        Assert.Equal("This file is not a JPEG, PNG, WebP or GIF photo.", rejected.Message);
    }

    [Fact]
    public async Task CleanAsync_RealPhoto_ReturnsTheCleanPhotoAndNoGarments()
    {
        byte[] file = await File.ReadAllBytesAsync(SharedData.ClothingPhoto("001068a8-86c3-4029-a9d9-1e27015e7e64"));

        SuggestionOutcome outcome = await _suggester.CleanAsync(file, CancellationToken.None);

        PhotoAnalysed analysed = Assert.IsType<PhotoAnalysed>(outcome);
        Assert.Empty(analysed.Garments);
        Assert.Equal(0xFF, analysed.Photo.Jpeg[0]);
        Assert.Equal(0xD8, analysed.Photo.Jpeg[1]);
    }

    /// <summary>The models, loaded once for all tests of the class, as the web app loads them.</summary>
    public sealed class Model : IDisposable
    {
        private readonly ServiceProvider _services;

        public Model()
        {
            IConfiguration configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Inference:ExecutionProvider"] = "Cpu" })
                .Build();
            ServiceCollection services = new();
            services.AddLogging();
            services.AddInference(configuration);
            _services = services.BuildServiceProvider();
            Suggester = _services.GetRequiredService<IListingSuggester>();
        }

        public IListingSuggester Suggester { get; }

        public void Dispose() => _services.Dispose();
    }
}
