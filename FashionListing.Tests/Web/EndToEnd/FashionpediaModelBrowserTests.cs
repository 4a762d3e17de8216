using FashionListing.Inference.Models;
using FashionListing.Inference.Pipeline;
using FashionListing.Tests.Support;
using FashionListing.Tests.Support.TestModels;
using FashionListing.Tests.Web.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace FashionListing.Tests.Web.EndToEnd;

/// <summary>
/// The app switched by configuration alone to a Fashionpedia model in the query layout (the small test
/// model whose masks follow colour rules): a real outfit photo shows several garments, each outline with
/// its chip, and clicking a garment in the photo fills the card from it.
/// </summary>
public sealed class FashionpediaModelBrowserTests : BrowserTestHost
{
    private readonly TestModelFolder _model = TestModelFolder.Query(192, ResizeMode.Stretch);

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Inference:ModelFolder"] = _model.Path,
    };

    [Fact]
    public async Task Sell_OutfitPhotoWithQueryModel_ShowsEachGarmentAndAPhotoClickFillsTheCard()
    {
        string photoPath = Path.Combine(SharedData.Fashionpedia, "demo", "input.jpg");
        // The same pipeline the page runs, asked directly, says what the page must show.
        IListingSuggester suggester = Factory.Services.GetRequiredService<IListingSuggester>();
        PhotoAnalysed expected = Assert.IsType<PhotoAnalysed>(
            await suggester.SuggestAsync(await File.ReadAllBytesAsync(photoPath), CancellationToken.None));
        Assert.True(expected.Garments.Count >= 2, $"the test model found {expected.Garments.Count} garments");
        GarmentSuggestion second = expected.Garments[1];
        (double fx, double fy) = InsideOnly(expected, 1);
        IPage page = await NewPageAsync(
            new BrowserNewPageOptions { ViewportSize = new() { Width = 1280, Height = 1000 } });
        await page.GotoAsync(BaseUrl + "/sell");
        await page.Locator("[data-testid=photo-drop-zone][data-interactive=true]").WaitForAsync();

        await page.Locator("input[type=file]").SetInputFilesAsync(photoPath);
        await page.Locator("[data-testid=suggestions]").WaitForAsync();
        int chips = await page.Locator("[data-testid=garment-chip]").CountAsync();
        int overlays = await page.Locator("[data-testid=garment-overlay]").CountAsync();
        string[] chipColours = await page.Locator("[data-testid=garment-chip]")
            .EvaluateAllAsync<string[]>("chips => chips.map(c => c.dataset.colour)");
        string firstTitle = await page.Locator("input[data-testid=title]").InputValueAsync();
        ILocator image = page.Locator("img[data-testid=garment-photo-image]");
        LocatorBoundingBoxResult box = (await image.BoundingBoxAsync())!;
        await image.ClickAsync(new() { Position = new() { X = (float)(fx * box.Width), Y = (float)(fy * box.Height) } });
        await Assertions.Expect(page.Locator("input[data-testid=title]")).ToHaveValueAsync(second.Title);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "fashionlisting-fashionpedia-model.png") });

        Assert.Equal(expected.Garments.Count, chips);
        Assert.Equal(expected.Garments.Count, overlays);
        Assert.Equal(expected.Garments.Select(g => g.OverlayColour), chipColours);
        Assert.Equal(chipColours.Length, chipColours.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(expected.Garments[0].Title, firstTitle);
        Assert.Equal(second.Categories[0].DisplayName,
            await page.Locator("input[data-testid=category]").InputValueAsync());
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _model.Dispose();
    }

    // A point, as fractions of the photo's width and height, that lies on the garment's mask and on no other:
    // the centre of the largest run of such pixels in the row through the mask's middle.
    private static (double X, double Y) InsideOnly(PhotoAnalysed analysed, int garment)
    {
        int width = analysed.Photo.Width;
        int height = analysed.Photo.Height;
        byte[] own = analysed.Garments[garment].Mask.Pixels;
        List<int> rows = [.. Enumerable.Range(0, height).Where(y => own.AsSpan(y * width, width).Contains((byte)1))];
        int row = rows[rows.Count / 2];
        bool Only(int x) => own[(row * width) + x] == 1
            && analysed.Garments.Where((_, i) => i != garment).All(g => g.Mask.Pixels[(row * width) + x] == 0);
        (int start, int length) best = (0, 0);
        for (int x = 0; x < width;)
        {
            int start = x;
            while (x < width && Only(x))
            {
                x++;
            }

            if (x - start > best.length)
            {
                best = (start, x - start);
            }

            x = Math.Max(x, start + 1);
        }

        Assert.True(best.length > 0, $"garment {garment + 1} has no pixel of its own in row {row}");

        return ((best.start + (best.length / 2.0) + 0.5) / width, (row + 0.5) / height);
    }
}
