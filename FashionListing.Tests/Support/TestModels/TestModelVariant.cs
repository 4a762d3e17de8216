using FashionListing.Inference.Models;

namespace FashionListing.Tests.Support.TestModels;

/// <summary>One test model as a model folder: its layout, input side, resize and detection order.</summary>
/// <param name="Name">The name tests use for it.</param>
/// <param name="Layout">Query or dense.</param>
/// <param name="Side">The square input's side in pixels.</param>
/// <param name="Resize">How the app must fit a photo to the input.</param>
/// <param name="AnchorsFirst">Dense only: detections as [1, N, 4 + C + M].</param>
internal sealed record TestModelVariant(
    string Name,
    ModelLayout Layout,
    int Side,
    ResizeMode Resize,
    bool AnchorsFirst = false)
{
    public static readonly TestModelVariant QueryStretch =
        new(nameof(QueryStretch), ModelLayout.Query, 224, ResizeMode.Stretch);

    public static readonly TestModelVariant QueryLetterbox =
        new(nameof(QueryLetterbox), ModelLayout.Query, 224, ResizeMode.Letterbox);

    public static readonly TestModelVariant DenseLetterbox =
        new(nameof(DenseLetterbox), ModelLayout.Dense, 256, ResizeMode.Letterbox);

    public static readonly TestModelVariant DenseStretchAnchorsFirst =
        new(nameof(DenseStretchAnchorsFirst), ModelLayout.Dense, 256, ResizeMode.Stretch, AnchorsFirst: true);

    /// <summary>The variant with this <see cref="Name"/>.</summary>
    public static TestModelVariant Named(string name) => All.Single(v => v.Name == name);

    /// <summary>All variants.</summary>
    public static IReadOnlyList<TestModelVariant> All =>
        [QueryStretch, QueryLetterbox, DenseLetterbox, DenseStretchAnchorsFirst];

    /// <summary>Whether the model has an attribute output.</summary>
    public bool HasAttributes => Layout == ModelLayout.Query;

    /// <summary>
    /// The instances the model can report, as the region each finds and the part of the input its box
    /// covers (left, top, right, bottom in input pixels); duplicates and empty outputs are left out.
    /// </summary>
    public IReadOnlyList<(ColourRegion Region, (float Left, float Top, float Right, float Bottom) Box)> Candidates =>
        Layout == ModelLayout.Query
            ?
            [
                (ColourRegion.Red, (0f, 0f, Side, Side)),
                (ColourRegion.Blue, (0f, 0f, Side, Side)),
                (ColourRegion.Dark, (0f, 0f, Side, Side)),
            ]
            :
            [
                (ColourRegion.Red, DenseTestModel.Box(DenseTestModel.RedAnchor, Side)),
                (ColourRegion.Blue, DenseTestModel.Box(DenseTestModel.BlueAnchor, Side)),
                (ColourRegion.Dark, DenseTestModel.Box(DenseTestModel.BoxedDarkAnchor, Side)),
            ];

    public override string ToString() => Name;

    /// <summary>Writes the model folder.</summary>
    public TestModelFolder CreateFolder() => Layout == ModelLayout.Query
        ? TestModelFolder.Query(Side, Resize)
        : TestModelFolder.Dense(Side, Resize, AnchorsFirst);

    /// <summary>
    /// Where the photo lies in the input: input x = photo x * ScaleX + OffsetX, and the same for y.
    /// </summary>
    public (double ScaleX, double ScaleY, double OffsetX, double OffsetY) Placement(int width, int height)
    {
        if (Resize == ResizeMode.Stretch)
        {
            return ((double)Side / width, (double)Side / height, 0, 0);
        }

        double scale = Math.Min((double)Side / width, (double)Side / height);

        return (scale, scale, (Side - (width * scale)) / 2, (Side - (height * scale)) / 2);
    }
}
