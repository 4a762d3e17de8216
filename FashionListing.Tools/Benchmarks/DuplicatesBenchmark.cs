using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using FashionListing.Inference;
using FashionListing.Inference.Imaging;
using FashionListing.Inference.Runtime;
using FashionListing.Inference.Similarity;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using FashionListing.Web.Moderation;
using FashionListing.Web.Photos;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SkiaSharp;
using static FashionListing.Tools.Benchmarks.BenchmarkStatistics;

namespace FashionListing.Tools.Benchmarks;

/// <summary>
/// The <c>duplicates-benchmark</c> verb: the time to embed one stored photo, and the time of the duplicate
/// finder's search over 1,000 and 10,000 stored vectors in a SQLite database of the app's own schema, written
/// as a Markdown section for docs/benchmarks.md.
/// </summary>
internal static class DuplicatesBenchmark
{
    private static readonly int[] s_sizes = [1_000, 10_000];

    public static int Run(IReadOnlyList<string> args)
    {
        ToolArguments options = new(args);
        string shared = options.Text("shared", Path.Combine("..", "shared"));
        string output = options.Text("out", Path.Combine("artifacts", "duplicates-benchmark.md"));
        int photoCount = options.Integer("photos", 40);
        int repeats = options.Integer("repeats", 5);
        int searches = options.Integer("searches", 20);
        string images = Path.Combine(shared, "clothing-dataset", "images");
        if (!Directory.Exists(images))
        {
            Console.Error.WriteLine($"No photos at {images}; pass --shared with the shared data folder.");

            return 1;
        }

        string dataFolder = Path.Combine(
            Path.GetTempPath(), "fashionlisting-duplicates-benchmark-" + Guid.NewGuid().ToString("N"));
        try
        {
            using ServiceProvider services = Build(dataFolder);
            services.MigrateListingDatabase();
            IPhotoEmbedder embedder = services.GetRequiredService<IPhotoEmbedder>();
            PhotoDecoder decoder = services.GetRequiredService<PhotoDecoder>();
            int threads = services.GetRequiredService<IOptions<InferenceOptions>>().Value.IntraOpThreads;

            List<byte[]> photos = [.. Directory.EnumerateFiles(images, "*.jpg")
                .Order(StringComparer.Ordinal)
                .Take(photoCount)
                .Select(f => Clean(decoder, File.ReadAllBytes(f)))];
            byte[] large = MakeLargeStoredPhoto(photos[0]);
            Console.WriteLine($"Embedding {photos.Count} photos {repeats} times, and one 2048x1536 photo");
            Embed(embedder, photos[0]);
            Embed(embedder, large);
            List<double> small = [];
            List<double> big = [];
            for (int r = 0; r < repeats; r++)
            {
                small.AddRange(photos.Select(p => Embed(embedder, p)));
                big.Add(Embed(embedder, large));
            }

            PhotoEmbedding query = embedder.EmbedAsync(photos[0], CancellationToken.None).GetAwaiter().GetResult();
            List<SearchTiming> timings = [];
            Guid? draftId = null;
            int stored = 0;
            foreach (int size in s_sizes)
            {
                Console.WriteLine($"Filling the database to {size} drafts with vectors, then {searches} searches");
                draftId ??= Fill(services, query, stored, size);
                if (stored > 0)
                {
                    Fill(services, query, stored, size);
                }

                stored = size;
                timings.Add(TimeSearches(services, query, draftId.Value, size, searches));
            }

            string report = Report(small, big, photos.Count, timings, searches, threads, args);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            File.WriteAllText(output, report);
            Console.WriteLine(report);

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static ServiceProvider Build(string dataFolder)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:DataFolder"] = dataFolder,
                ["Storage:ConnectionString"] = "Data Source=listings.db",
            })
            .AddEnvironmentVariables("FASHIONLISTING_")
            .Build();
        ServiceCollection services = new();
        services.AddLogging(logging => logging
            .AddSimpleConsole(o => o.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = dataFolder });
        services.AddInference(configuration);
        services.AddListingData(configuration);
        services.AddPhotoStorage(configuration);
        services.AddModeration(configuration);

        return services.BuildServiceProvider();
    }

    private static double Embed(IPhotoEmbedder embedder, byte[] jpeg)
    {
        long started = Stopwatch.GetTimestamp();
        embedder.EmbedAsync(jpeg, CancellationToken.None).GetAwaiter().GetResult();

        return Stopwatch.GetElapsedTime(started).TotalMilliseconds;
    }

    // Drafts `from` to `to` of seeded random vectors shaped like embeddings (non-negative, unit length), and every
    // hundredth one an exact copy of the query, so each search also loads matching drafts and their sellers.
    // The first draft filled holds a copy of the query's vector; its id is returned.
    private static Guid Fill(IServiceProvider services, PhotoEmbedding query, int from, int to)
    {
        Random random = new(20261204 + from);
        using ListingDbContext context = NewContext(services);
        DateTime now = DateTime.UtcNow;
        ListingDraft? first = null;
        for (int i = from; i < to; i++)
        {
            float[] vector = i % 100 == 0 ? query.Vector : RandomEmbedding(random, query.Vector.Length);
            Guid photoId = Guid.NewGuid();
            context.PhotoEmbeddings.Add(new StoredPhotoEmbedding
            {
                PhotoId = photoId,
                Version = query.Version,
                Vector = EmbeddingBlob.FromVector(vector),
                ComputedUtc = now,
            });
            ListingDraft draft = new()
            {
                Title = "Benchmark draft " + i.ToString(CultureInfo.InvariantCulture),
                OwnerId = "seller-" + (i % 500).ToString(CultureInfo.InvariantCulture),
                PhotoId = photoId,
                Price = 10m,
            };
            first ??= draft;
            context.Drafts.Add(draft);
        }

        context.SaveChanges();

        return first!.Id;
    }

    private static float[] RandomEmbedding(Random random, int length)
    {
        float[] vector = new float[length];
        for (int i = 0; i < length; i++)
        {
            vector[i] = random.NextSingle();
        }

        EmbeddingVectors.Normalise(vector);

        return vector;
    }

    private static SearchTiming TimeSearches(IServiceProvider services, PhotoEmbedding query, Guid draftId, int size,
        int searches)
    {
        SimilarPhotoFinder finder = services.GetRequiredService<SimilarPhotoFinder>();
        ListingViewer moderator = new("benchmark-moderator", IsSeller: false, IsModerator: true);
        SimilarListingsResult warm = finder.FindSimilarListingsAsync(draftId, moderator, CancellationToken.None)
            .GetAwaiter().GetResult();
        List<double> whole = [];
        for (int s = 0; s < searches; s++)
        {
            long started = Stopwatch.GetTimestamp();
            finder.FindSimilarListingsAsync(draftId, moderator, CancellationToken.None).GetAwaiter().GetResult();
            whole.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        // The comparison alone, on vectors already in memory: what the search costs without reading SQLite.
        using ListingDbContext context = NewContext(services);
        float[][] vectors = [.. context.PhotoEmbeddings.Select(e => e.Vector).AsEnumerable()
            .Select(b => EmbeddingBlob.ToVector(b).ToArray())];
        List<double> scan = [];
        for (int s = 0; s < searches; s++)
        {
            long started = Stopwatch.GetTimestamp();
            int above = 0;
            foreach (float[] vector in vectors)
            {
                above += EmbeddingVectors.Cosine(query.Vector, vector) >= warm.Threshold ? 1 : 0;
            }

            scan.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            GC.KeepAlive(above);
        }

        return new SearchTiming(size, warm.Listings.Count, Median(whole), Percentile95(whole), Median(scan));
    }

    private static ListingDbContext NewContext(IServiceProvider services) =>
        services.GetRequiredService<IDbContextFactory<ListingDbContext>>().CreateDbContext();

    private static byte[] Clean(PhotoDecoder decoder, byte[] upload)
    {
        if (!decoder.TryDecode(upload, out DecodedPhoto? decoded, out _))
        {
            throw new InvalidDataException("A benchmark photo was rejected.");
        }

        using (decoded)
        {
            return PhotoEncoder.Encode(decoded).Jpeg;
        }
    }

    // The largest photo the app stores: a real photo scaled to 1536x2048 and encoded as the app encodes.
    private static byte[] MakeLargeStoredPhoto(byte[] source)
    {
        using SKBitmap original = SKBitmap.Decode(source);
        using SKBitmap large = new(new SKImageInfo(1536, 2048, SKColorType.Rgba8888, SKAlphaType.Premul));
        using (SKCanvas canvas = new(large))
        {
            using SKImage image = SKImage.FromBitmap(original);
            canvas.DrawImage(image, new SKRect(0, 0, 1536, 2048), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }

        return PhotoEncoder.Encode(large).Jpeg;
    }

    private static string Report(List<double> small, List<double> big, int photos,
        List<SearchTiming> timings, int searches, int threads, IReadOnlyList<string> args)
    {
        StringBuilder text = new();
        text.AppendLine("## Duplicate photos: embedding and search");
        text.AppendLine();
        text.AppendLine("Produced by:");
        text.AppendLine();
        text.AppendLine("```bash");
        text.AppendLine(("dotnet run --project FashionListing.Tools -c Release -- duplicates-benchmark "
            + string.Join(' ', args)).TrimEnd());
        text.AppendLine("```");
        text.AppendLine();
        string threadSetting = threads == 0 ? "ONNX Runtime's choice" : threads.ToString(CultureInfo.InvariantCulture);
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, "
            + $".NET {Environment.Version}; "
            + $"measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; load average (1 minute) at the end: {LoadAverage()}.");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"ONNX Runtime threads per model run (Inference:IntraOpThreads): {threadSetting}. CPU.");
        text.AppendLine();
        text.AppendLine("Embedding one stored photo (decode the stored JPEG, stretch to 224x224, backbone on it");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"and on its mirror image, pool, normalise), recipe `{PhotoEmbeddingRecipe.Default.Version}`:");
        text.AppendLine();
        text.AppendLine("| Photo | Runs | Median ms | p95 ms |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| {photos} photos of ../shared/clothing-dataset (mostly 400x533) | {small.Count} "
            + $"| {Median(small):F1} | {Percentile95(small):F1} |");
        text.AppendLine(CultureInfo.InvariantCulture,
            $"| 1536x2048 (the largest stored size) | {big.Count} | {Median(big):F1} | {Percentile95(big):F1} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Search: `SimilarPhotoFinder.FindSimilarListingsAsync` for one draft, {searches} runs after one");
        text.AppendLine("warm-up, on a SQLite database of the app's schema holding that many drafts, each with a");
        text.AppendLine("stored vector (seeded random non-negative unit vectors, every hundredth a copy of the");
        text.AppendLine("query's so that matches are loaded too). The last column is the comparison alone, on");
        text.AppendLine("vectors already in memory.");
        text.AppendLine();
        text.AppendLine("| Stored vectors | Drafts listed | Median ms | p95 ms | Comparison alone, median ms |");
        text.AppendLine("|---:|---:|---:|---:|---:|");
        foreach (SearchTiming timing in timings)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {timing.Stored:N0} | {timing.Listed} | {timing.MedianMs:F1} | {timing.P95Ms:F1} "
                + $"| {timing.ScanMedianMs:F2} |");
        }

        return text.ToString();
    }

    private sealed record SearchTiming(int Stored, int Listed, double MedianMs, double P95Ms, double ScanMedianMs);
}
