using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using FashionListing.Web.Accounts;
using FashionListing.Web.Components.Listing;
using FashionListing.Web.Data;
using FashionListing.Web.Listings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using static FashionListing.Tools.Benchmarks.BenchmarkStatistics;
using static System.FormattableString;

namespace FashionListing.Tools.Benchmarks;

/// <summary>
/// The <c>autosave-benchmark</c> verb: what keeping a seller's card costs. The page's check after every render
/// (the card to JSON and the comparison with what was stored), and one store of a card into a SQLite database
/// of the app's own schema, alone and with many pages storing at once, for a photo of 2 and of 15 garments
/// (the most a suggestion keeps). Written as a Markdown section for docs/benchmarks.md.
/// </summary>
internal static class AutosaveBenchmark
{
    private static readonly int[] s_writers = [1, 8, 32];

    public static int Run(IReadOnlyList<string> args)
    {
        ToolArguments options = new(args);
        string output = options.Text("out", Path.Combine("artifacts", "autosave-benchmark.md"));
        int stores = options.Integer("stores", 200);
        int checks = options.Integer("checks", 2000);
        string dataFolder = Path.Combine(
            Path.GetTempPath(), "fashionlisting-autosave-benchmark-" + Guid.NewGuid().ToString("N"));
        try
        {
            using ServiceProvider services = Build(dataFolder);
            services.MigrateListingDatabase();
            AutosaveService store = services.GetRequiredService<AutosaveService>();
            List<Row> rows = [];

            // The first stores pay for EF Core's model and SQLite's first pages; they are not timed.
            TimeStores(store, Suggestion(2), writers: 4, stores: 40);
            foreach (int garments in new[] { 2, 15 })
            {
                string suggestion = Suggestion(garments);
                Console.WriteLine($"{garments} garments: {checks} checks, then stores by 1, 8 and 32 pages at once");
                double check = TimeChecks(store, suggestion, checks);
                foreach (int writers in s_writers)
                {
                    (List<double> times, double seconds) = TimeStores(store, suggestion, writers, stores);
                    rows.Add(new Row(garments, suggestion.Length, check, writers, times, seconds));
                }
            }

            string report = Report(rows, stores, args);
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
            .Build();
        ServiceCollection services = new();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = dataFolder });
        services.AddListingData(configuration);

        return services.BuildServiceProvider();
    }

    // The check a page runs after each render: with nothing stored yet for it to equal, every check captures the
    // card and compares it; the delay (an hour) never passes, so nothing is stored while timing.
    private static double TimeChecks(AutosaveService store, string suggestion, int checks)
    {
        ListingFormModel card = Card(0);
        CardAutosave autosave = new(
            store,
            new OpenCards(),
            TimeSpan.FromHours(1),
            TimeProvider.System,
            NullLogger.Instance,
            () => Edit(card, suggestion),
            () => Task.FromResult(Seller(0)),
            work => work(),
            () => Task.CompletedTask);
        autosave.Activate();
        for (int i = 0; i < 100; i++)
        {
            autosave.NoteChanges();
        }

        long started = Stopwatch.GetTimestamp();
        for (int i = 0; i < checks; i++)
        {
            card.Title = "Check " + i.ToString(CultureInfo.InvariantCulture);
            autosave.NoteChanges();
        }

        double perCheck = Stopwatch.GetElapsedTime(started).TotalMilliseconds / checks;
        autosave.StartNew();

        return perCheck;
    }

    // `writers` pages of different sellers, each storing its own card `stores / writers` times one after the
    // other, all at once: each store is timed from its call to its return.
    private static (List<double> Times, double Seconds) TimeStores(
        AutosaveService store,
        string suggestion,
        int writers,
        int stores)
    {
        int each = Math.Max(1, stores / writers);
        List<double> times = [];
        long started = Stopwatch.GetTimestamp();
        Task[] pages = [.. Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            ListingViewer seller = Seller(w);
            Guid id = Guid.NewGuid();
            ListingFormModel card = Card(w);
            List<double> own = [];
            for (int i = 0; i < each; i++)
            {
                card.Description = "Edit " + i.ToString(CultureInfo.InvariantCulture) + " " + card.Description;
                AutosavedEdit edit = Edit(card, suggestion);
                edit.Id = id;
                long one = Stopwatch.GetTimestamp();
                await store.StoreAsync(edit, seller, CancellationToken.None);
                own.Add(Stopwatch.GetElapsedTime(one).TotalMilliseconds);
            }

            lock (times)
            {
                times.AddRange(own);
            }
        }))];
        Task.WaitAll(pages);

        return (times, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static ListingViewer Seller(int index) =>
        new("benchmark-seller-" + index.ToString(CultureInfo.InvariantCulture), IsSeller: true, IsModerator: false);

    private static ListingFormModel Card(int index) => new()
    {
        Title = "Navy wool coat " + index.ToString(CultureInfo.InvariantCulture),
        Category = "Coat",
        Colour = "navy and grey",
        Attributes = ["single breasted", "wool", "above-the-knee (length)", "pocket", "lapel", "long (sleeve)"],
        Description = string.Concat(Enumerable.Repeat("Warm navy coat, worn one winter, no marks. ", 10)),
        Size = "M",
        Brand = "Uniqlo",
        Condition = ItemCondition.Good,
        Price = 45m,
    };

    private static AutosavedEdit Edit(ListingFormModel card, string suggestion) => new()
    {
        Page = AutosavePage.Sell,
        PhotoId = Guid.Empty,
        SuggestionJson = suggestion,
        CardJson = card.ToJson(),
        HasUnsavedChanges = true,
    };

    // A suggestion as large as the model's for that many garments: three categories, twelve attributes and three
    // colours each, with a seed title and description.
    private static string Suggestion(int garments) =>
        new SuggestionSnapshot(
            [.. Enumerable.Range(0, garments).Select(g => new GarmentSnapshot(
                [.. Enumerable.Range(0, 3).Select(c => new CategorySnapshot(
                    "coat", "Coat", 10 + c, "coat", 0.5f / (c + 1)))],
                [.. Enumerable.Range(0, 12).Select(a => new AttributeSnapshot(
                    100 + a, "attribute " + a.ToString(CultureInfo.InvariantCulture), "length", 0.61f))],
                [new ColourSnapshot("navy", "#1F2A44", 0.6), new ColourSnapshot("grey", "#8A8A8A", 0.3),
                    new ColourSnapshot("white", "#FFFFFF", 0.1)],
                "Navy coat",
                "A navy coat with a lapel and pockets.",
                "#E65A14"))],
            0).ToJson();

    private static string Report(List<Row> rows, int stores, IReadOnlyList<string> args)
    {
        var text = new StringBuilder();
        text.AppendLine("## Autosave (keeping the seller's card)");
        text.AppendLine();
        string command = ("dotnet run --project FashionListing.Tools -c Release -- autosave-benchmark "
            + string.Join(' ', args)).TrimEnd();
        text.AppendLine("Produced by `" + command + "`.");
        text.AppendLine(
            Invariant($"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, ")
                + Invariant($".NET {Environment.Version}; measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC; ")
                + Invariant($"load average (1 minute) at the end: {LoadAverage()}."));
        text.AppendLine();
        text.AppendLine(
            "| Garments in the suggestion | Suggestion JSON | Check after a render, ms | Pages storing at once "
            + "| Stores | Store, median ms | p95 ms | Stores per s |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (Row row in rows)
        {
            string size = (row.SuggestionBytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture);
            text.AppendLine(
                Invariant($"| {row.Garments} | {size} KB | {row.CheckMs:F3} | {row.Writers} | {row.Times.Count} | ")
                    + Invariant($"{Median(row.Times):F1} | {Percentile95(row.Times):F1} | ")
                    + Invariant($"{row.Times.Count / row.Seconds:F0} |"));
        }

        text.AppendLine();
        text.AppendLine(
            Invariant($"The pages together make about {stores} stores, each page one after the other as fast as ")
                + "it can; a real page stores at most once a second (`Autosave:DelayMilliseconds`).");

        return text.ToString();
    }

    private sealed record Row(
        int Garments,
        int SuggestionBytes,
        double CheckMs,
        int Writers,
        List<double> Times,
        double Seconds);
}
