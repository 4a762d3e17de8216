using Bunit;
using FashionListing.Tests.Imaging;
using FashionListing.Tests.Web.Support;
using Microsoft.AspNetCore.Components.Forms;
using SkiaSharp;
using ManualPage = FashionListing.Web.Components.Pages.Sell.ManualListing;
using SellPage = FashionListing.Web.Components.Pages.Sell.Sell;

namespace FashionListing.Tests.Web.Components.Pages.Sell;

/// <summary>
/// Bad files uploaded to the Sell and Manual pages through the real decoder: the page shows the decoder's
/// sentence, stores nothing, and takes a good photo right after.
/// </summary>
public sealed class BadPhotoPageTests
{
    [Fact]
    public async Task SellUpload_HeicNamedJpgThenAGoodPhoto_HeicMessageThenThePhotoAndItsSuggestion()
    {
        await using var context = new ListingPageContext(new DecodingSuggester());
        var page = context.Render<SellPage>();

        Upload(page, HandBuiltImages.Ftyp("heic", "mif1", "heic"), "IMG_0042.jpg", "image/jpeg");
        string message = ErrorMessage(page);
        Upload(page, GoodPhoto(), "IMG_0043.jpg", "image/jpeg");

        Assert.StartsWith(
            "This is a HEIC photo, the format iPhones save by default",
            message,
            StringComparison.Ordinal);
        Assert.Contains("Settings > Camera > Formats > Most Compatible", message, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=error]"));
        Assert.Single(page.FindAll("[data-testid=garment-photo]"));
        Assert.Single(page.FindAll("[data-testid=garment-overlay]"));
        Assert.NotEmpty(page.FindAll("[data-testid=suggestions]"));

        // The good photo and its garment's overlay, kept for the review page; nothing of the HEIC.
        Assert.Single(Directory.EnumerateFiles(context.PhotosFolder, "*.jpg"));
        Assert.Single(Directory.EnumerateFiles(context.PhotosFolder, "*.overlay-0.png"));
        Assert.Equal(2, Directory.EnumerateFiles(context.PhotosFolder).Count());
    }

    [Fact]
    public async Task SellUpload_SvgWithScriptNamedLikeAPath_RefusedNameNotShownNothingStored()
    {
        await using var context = new ListingPageContext(new DecodingSuggester());
        var page = context.Render<SellPage>();

        Upload(page, HandBuiltImages.SvgWithScript(), "../../x.jpg", "image/svg+xml");

        Assert.StartsWith("This is an SVG drawing, not a photo.", ErrorMessage(page), StringComparison.Ordinal);
        Assert.DoesNotContain("svg-script-ran", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page.Markup, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("x.jpg", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("[data-testid=garment-photo]"));
        Assert.False(Directory.Exists(context.PhotosFolder) && Directory.EnumerateFiles(context.PhotosFolder).Any());
        Assert.False(File.Exists(Path.Combine(context.PhotosFolder, "..", "..", "x.jpg")));
    }

    [Fact]
    public async Task ManualUpload_GoodPhotoWithAVeryLongPathName_StoredUnderAnIdNameNeverShown()
    {
        await using var context = new ListingPageContext(new DecodingSuggester());
        var page = context.Render<ManualPage>();
        string name = string.Concat(Enumerable.Repeat("../", 50)) + new string('a', 4000) + ".jpg";

        Upload(page, GoodPhoto(), name, "image/jpeg");

        Assert.Empty(page.FindAll("[data-testid=error]"));
        Assert.DoesNotContain("aaaaaaaa", page.Markup, StringComparison.Ordinal);
        string stored = Path.GetFileName(Assert.Single(Directory.EnumerateFiles(context.PhotosFolder)));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.jpg$", stored);
    }

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ManualUpload_BadFileThenAGoodPhoto_MessageInThePageThenThePhoto(string kind, byte[] file)
    {
        await using var context = new ListingPageContext(new DecodingSuggester(), maxUploadBytes: 2 * 1024 * 1024);
        var page = context.Render<ManualPage>();

        Upload(page, file, "photo.jpg", "image/jpeg");
        string message = ErrorMessage(page);
        Upload(page, GoodPhoto(), "photo.jpg", "image/jpeg");

        Assert.Equal(s_expectedMessages[kind], message);
        Assert.Empty(page.FindAll("[data-testid=error]"));
        Assert.Single(page.FindAll("[data-testid=garment-photo] img"));
        Assert.Single(Directory.EnumerateFiles(context.PhotosFolder));
    }

    public static TheoryData<string, byte[]> BadFiles => new()
    {
        { "empty", [] },
        { "text", "Blue denim jacket, size M."u8.ToArray() },
        { "pdf", HandBuiltImages.Pdf() },
        { "tiff", HandBuiltImages.Tiff(bigEndian: true) },
        { "avif", HandBuiltImages.Ftyp("avif", "mif1", "miaf") },
        { "cut short", CutShort(TestImages.QuadrantJpeg(256, 256)) },
        { "100 MP", TestImages.PngHeaderOnly(10_000, 10_000) },
        { "too many bytes", [0xFF, 0xD8, 0xFF, .. new byte[(2 * 1024 * 1024) + 1]] },
    };

    private const string ExportAsJpeg = "Please save or export it as a JPEG and upload that.";

    private static readonly Dictionary<string, string> s_expectedMessages = new()
    {
        ["empty"] = "The file is empty.",
        ["text"] = "This file is not a JPEG, PNG, WebP or GIF photo.",
        ["pdf"] = "This is a PDF document, not a photo. Please upload a photo of the garment (JPEG, PNG, WebP or GIF).",
        ["tiff"] = "This is a TIFF image, which this site cannot read. " + ExportAsJpeg,
        ["avif"] = "This is an AVIF image, which this site cannot read. " + ExportAsJpeg,
        ["cut short"] = "The photo is incomplete: the file ends before the picture does, perhaps because it was not "
            + "fully copied or downloaded. Please upload it again, or export it again from where it came from.",
        ["100 MP"] = "The photo is 100 MP; the limit is 50 MP.",
        // 2 MiB + 3 bytes shows rounded up, the limit rounded down: never "2 MB; the limit is 2 MB".
        ["too many bytes"] = "The photo is 2.1 MB; the limit is 2 MB. Choose a smaller photo.",
    };

    private static byte[] CutShort(byte[] jpeg) => jpeg[..(jpeg.Length * 2 / 3)];

    private static byte[] GoodPhoto()
    {
        using SKBitmap scene = GarmentScene.Draw(80, 60, new SKRectI(20, 10, 60, 50));

        return TestImages.Jpeg(scene);
    }

    private static string ErrorMessage(IRenderedComponent<SellPage> page) =>
        page.Find("[data-testid=error] .mud-alert-message").TextContent.Trim();

    private static string ErrorMessage(IRenderedComponent<ManualPage> page) =>
        page.Find("[data-testid=error] .mud-alert-message").TextContent.Trim();

    private static void Upload(IRenderedComponent<SellPage> page, byte[] file, string name, string contentType)
    {
        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(file, name, contentType: contentType));
        page.WaitForState(() => page.FindAll("[data-testid=analysing]").Count == 0);
    }

    private static void Upload(IRenderedComponent<ManualPage> page, byte[] file, string name, string contentType)
    {
        page.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(file, name, contentType: contentType));
        page.WaitForState(() => page.FindAll("[data-testid=analysing]").Count == 0);
    }
}
