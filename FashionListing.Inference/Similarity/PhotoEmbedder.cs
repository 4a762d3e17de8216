using FashionListing.Inference.Runtime;
using SkiaSharp;

namespace FashionListing.Inference.Similarity;

/// <summary>
/// Embeds whole photos with the pretrained ResNet18 backbone, as <see cref="PhotoEmbeddingRecipe.Default"/>
/// (or another recipe) says: the photo stretched to a square, one or two backbone runs, the pooled features
/// L2-normalised.
/// </summary>
/// <remarks>
/// The backbone is the app's shared singleton, present whichever model <c>Inference:ModelFolder</c> names;
/// this class does not own it and does not dispose it. Its one ONNX Runtime session may be run from several
/// threads at once, so the embedder is safe to call concurrently. Only the whole photo is embedded: a photo
/// cut down to a small part of the original (less than about three quarters of its area) or turned by more
/// than a few degrees drifts away from it.
/// </remarks>
public sealed class PhotoEmbedder : IPhotoEmbedder
{
    private readonly ResNet18Backbone _backbone;
    private readonly PhotoEmbeddingRecipe _recipe;

    /// <summary>Creates an embedder with the default recipe.</summary>
    /// <param name="backbone">The shared backbone; not owned.</param>
    public PhotoEmbedder(ResNet18Backbone backbone)
        : this(backbone, PhotoEmbeddingRecipe.Default)
    {
    }

    /// <summary>Creates an embedder with a given recipe, for the tuning command and the tests.</summary>
    /// <param name="backbone">The shared backbone; not owned.</param>
    /// <param name="recipe">How photos are pooled.</param>
    public PhotoEmbedder(ResNet18Backbone backbone, PhotoEmbeddingRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentNullException.ThrowIfNull(recipe);
        recipe.Validate();

        _backbone = backbone;
        _recipe = recipe;
    }

    /// <inheritdoc />
    public string Version => _recipe.Version;

    /// <summary>The recipe this embedder follows.</summary>
    public PhotoEmbeddingRecipe Recipe => _recipe;

    /// <inheritdoc />
    public Task<PhotoEmbedding> EmbedAsync(ReadOnlyMemory<byte> photo, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();

        // The backbone run is CPU work of tens of milliseconds; it leaves the caller's thread (a Blazor circuit
        // or a request) free meanwhile.
        return Task.Run(() => Embed(photo.Span), cancellationToken);
    }

    /// <summary>Decodes an encoded, upright photo and embeds it.</summary>
    /// <param name="photo">The photo's bytes.</param>
    /// <exception cref="InvalidDataException">The bytes cannot be decoded.</exception>
    public PhotoEmbedding Embed(ReadOnlySpan<byte> photo)
    {
        // Skia answers bytes that no codec accepts with an ArgumentNullException; the caller is told plainly.
        using SKData data = SKData.CreateCopy(photo);
        using SKCodec? codec = SKCodec.Create(data);
        using SKBitmap? bitmap = codec is null ? null : SKBitmap.Decode(codec);
        if (bitmap is null)
        {
            throw new InvalidDataException($"The {photo.Length} bytes given could not be decoded as a photo.");
        }

        return Embed(bitmap);
    }

    /// <summary>Embeds a decoded, upright photo.</summary>
    /// <param name="photo">The photo; not changed, not disposed.</param>
    public PhotoEmbedding Embed(SKBitmap photo)
    {
        ArgumentNullException.ThrowIfNull(photo);

        (BackboneFeatures view, BackboneFeatures? mirrored) = RunViews(photo, _recipe.InputSize, _recipe.AverageMirror);

        return new PhotoEmbedding(_recipe.Version, Pool(view, mirrored, _recipe));
    }

    /// <summary>
    /// Runs the backbone on the photo stretched to <paramref name="inputSize"/> square and, when asked, on its
    /// mirror image: the raw features that <see cref="Pool"/> turns into an embedding. The tuning command runs
    /// this once per photo and pools it under every recipe it compares.
    /// </summary>
    /// <param name="photo">The photo; not changed, not disposed.</param>
    /// <param name="inputSize">The side of the square; a multiple of 32.</param>
    /// <param name="mirror">Whether the mirror image is run too.</param>
    public (BackboneFeatures View, BackboneFeatures? Mirrored) RunViews(SKBitmap photo, int inputSize, bool mirror)
    {
        ArgumentNullException.ThrowIfNull(photo);

        // One resize for both views, so that they differ only by the mirror and not by resampling.
        using SKBitmap square = Render(photo, inputSize, mirrored: false);
        SKRectI whole = new(0, 0, inputSize, inputSize);
        BackboneFeatures view = _backbone.Extract(square, whole, inputSize, inputSize);
        if (!mirror)
        {
            return (view, null);
        }

        using SKBitmap flipped = Render(square, inputSize, mirrored: true);

        return (view, _backbone.Extract(flipped, whole, inputSize, inputSize));
    }

    /// <summary>
    /// Pools the backbone's maps as the recipe says and L2-normalises the result: each block (global last
    /// stage, third stage, grid cells) is normalised on its own, then the whole vector.
    /// </summary>
    /// <param name="view">The photo's features.</param>
    /// <param name="mirrored">The mirror image's features; needed when the recipe averages the mirror.</param>
    /// <param name="recipe">What to pool.</param>
    /// <exception cref="ArgumentException">
    /// The recipe averages the mirror image and <paramref name="mirrored"/> is null.
    /// </exception>
    public static float[] Pool(BackboneFeatures view, BackboneFeatures? mirrored, PhotoEmbeddingRecipe recipe)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(recipe);
        if (recipe.AverageMirror && mirrored is null)
        {
            throw new ArgumentException(
                $"Recipe {recipe.Version} averages the mirror image, but no mirrored features were given.",
                nameof(mirrored));
        }

        BackboneFeatures? other = recipe.AverageMirror ? mirrored : null;
        float[] embedding = new float[recipe.Length];
        int offset = 0;
        offset = AddBlock(embedding, offset, CellAverage(view.Stage4, 0, 1, 0, 1, other?.Stage4), recipe.SquareRoot);
        if (recipe.IncludeStage3)
        {
            offset = AddBlock(
                embedding, offset, CellAverage(view.Stage3, 0, 1, 0, 1, other?.Stage3), recipe.SquareRoot);
        }

        for (int row = 0; row < recipe.Grid; row++)
        {
            for (int column = 0; column < recipe.Grid; column++)
            {
                float[] cell = CellAverage(view.Stage4, row, recipe.Grid, column, recipe.Grid, other?.Stage4);
                offset = AddBlock(embedding, offset, cell, recipe.SquareRoot);
            }
        }

        EmbeddingVectors.Normalise(embedding);

        return embedding;
    }

    private static int AddBlock(float[] embedding, int offset, float[] block, bool squareRoot)
    {
        if (squareRoot)
        {
            for (int i = 0; i < block.Length; i++)
            {
                // The maps come after a ReLU, so values are not negative; the sign is kept all the same.
                block[i] = MathF.CopySign(MathF.Sqrt(MathF.Abs(block[i])), block[i]);
            }
        }

        EmbeddingVectors.Normalise(block);
        block.CopyTo(embedding, offset);

        return offset + block.Length;
    }

    // The average of each channel over one cell of a rows x columns split of the map. Cell bounds are rounded
    // outwards, so on a 7x7 map the two halves of a 2x2 grid share the middle row and column. With a mirrored
    // map the mirror's cell on the other side is averaged in, which makes the result the same for the photo and
    // its mirror image.
    private static float[] CellAverage(FeatureMap map, int row, int rows, int column, int columns, FeatureMap? mirrored)
    {
        float[] pooled = new float[map.Channels];
        Accumulate(map, row, rows, column, columns, pooled);
        if (mirrored is not null)
        {
            Accumulate(mirrored, row, rows, columns - 1 - column, columns, pooled);
            for (int c = 0; c < pooled.Length; c++)
            {
                pooled[c] *= 0.5f;
            }
        }

        return pooled;
    }

    private static void Accumulate(FeatureMap map, int row, int rows, int column, int columns, float[] pooled)
    {
        int top = row * map.Height / rows;
        int bottom = (((row + 1) * map.Height) + rows - 1) / rows;
        int left = column * map.Width / columns;
        int right = (((column + 1) * map.Width) + columns - 1) / columns;
        int plane = map.Height * map.Width;
        double count = (bottom - top) * (right - left);
        for (int c = 0; c < map.Channels; c++)
        {
            double sum = 0;
            for (int y = top; y < bottom; y++)
            {
                ReadOnlySpan<float> line = map.Values.AsSpan((c * plane) + (y * map.Width) + left, right - left);
                foreach (float value in line)
                {
                    sum += value;
                }
            }

            pooled[c] += (float)(sum / count);
        }
    }

    private static SKBitmap Render(SKBitmap photo, int size, bool mirrored)
    {
        SKBitmap square = new(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        using SKCanvas canvas = new(square);
        if (mirrored)
        {
            canvas.Translate(size, 0);
            canvas.Scale(-1, 1);
        }

        using SKImage source = SKImage.FromBitmap(photo);
        canvas.DrawImage(
            source,
            new SKRect(0, 0, photo.Width, photo.Height),
            new SKRect(0, 0, size, size),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear),
            paint: null);

        return square;
    }
}
