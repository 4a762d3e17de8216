using System.Globalization;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FashionListing.TestWorker;

/// <summary>
/// `save-burst DATA_FOLDER`: saves drafts through the app's own data layer, from four writers at once, without
/// end, and prints "saved ID SEQUENCE" after each save has returned. A test kills this process in the middle of
/// the burst and then checks that every printed save is in the database.
/// </summary>
internal static class WorkerProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is not ["save-burst", string dataFolder])
        {
            await Console.Error.WriteLineAsync("Usage: FashionListing.TestWorker save-burst DATA_FOLDER");
            return 2;
        }

        HostApplicationBuilder builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = dataFolder,
            EnvironmentName = Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = dataFolder });
        builder.Services.AddListingData(builder.Configuration);
        using IHost host = builder.Build();
        host.Services.MigrateListingDatabase();

        var drafts = host.Services.GetRequiredService<ListingDraftService>();
        var seller = new ListingViewer("burst-seller", IsSeller: true, IsModerator: false);
        var output = TextWriter.Synchronized(Console.Out);
        int sequence = 0;

        async Task WriteAsync(int writer)
        {
            var random = new Random(writer);
            // Each of this writer's drafts with the version its last save returned, which the next save of it
            // must name; no other writer touches them, so a refusal would be a bug.
            List<Guid> mine = [];
            Dictionary<Guid, Guid> versions = [];
            while (true)
            {
                int next = Interlocked.Increment(ref sequence);

                // Every other save rewrites one of this writer's earlier drafts, so updates are cut short too.
                Guid id = mine.Count > 0 && random.Next(2) == 0 ? mine[random.Next(mine.Count)] : Guid.Empty;
                var draft = new ListingDraft
                {
                    Id = id,
                    Version = id == Guid.Empty ? Guid.Empty : versions[id],
                    Title = string.Create(CultureInfo.InvariantCulture, $"Burst save {next:D7}"),
                    Description = new string('x', 1500),
                    Condition = ItemCondition.Good,
                    Price = 10m,
                };
                ListingWriteResult result = await drafts.SaveAsync(draft, seller, CancellationToken.None);
                if (result is not ListingWriteResult.Written written)
                {
                    throw new InvalidOperationException($"The save of draft {id} was refused: {result}.");
                }

                Guid saved = written.Id;
                versions[saved] = written.Version;
                if (id == Guid.Empty)
                {
                    mine.Add(saved);
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"saved {saved:D} {next}"));
                output.Flush();
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 4).Select(writer => Task.Run(() => WriteAsync(writer))));
        return 0;
    }
}
