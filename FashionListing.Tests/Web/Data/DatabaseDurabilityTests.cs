using System.Diagnostics;
using System.Globalization;
using FashionListing.Tests.Web.Support;
using FashionListing.Web.Accounts;
using FashionListing.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;

namespace FashionListing.Tests.Web.Data;

/// <summary>
/// The database survives what servers go through: a process killed in the middle of saving, and many sellers
/// saving at once.
/// </summary>
public sealed class DatabaseDurabilityTests
{
    [Fact]
    public void Migrate_DatabaseFileWithARollbackJournal_SwitchesItToTheWriteAheadLog()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "listings.db");
        using (var connection = new SqliteConnection($"Data Source={file}"))
        {
            connection.Open();
            Assert.Equal("delete", Scalar(connection, "PRAGMA journal_mode = DELETE"));
        }

        using (ServiceProvider services = DataServices(folder.Path))
        {
            services.MigrateListingDatabase();
        }

        using var reopened = new SqliteConnection($"Data Source={file}");
        reopened.Open();
        Assert.Equal("wal", Scalar(reopened, "PRAGMA journal_mode"));
    }

    [Fact]
    public async Task SaveAsync_EightSellersSavingAtOnce_EverySaveLandsWithoutALockError()
    {
        using var folder = new TempFolder();
        await using ServiceProvider services = DataServices(folder.Path);
        services.MigrateListingDatabase();
        var drafts = services.GetRequiredService<ListingDraftService>();

        // Each seller creates a draft and saves it again and again, all of them at the same time.
        IEnumerable<Task<(Guid Id, string Title)>> sellers = Enumerable.Range(0, 8).Select(seller => Task.Run(async () =>
        {
            var viewer = new ListingViewer($"seller-{seller}", IsSeller: true, IsModerator: false);
            Guid id = Guid.Empty;
            Guid version = Guid.Empty;
            string title = "";
            for (int save = 0; save < 25; save++)
            {
                title = string.Create(CultureInfo.InvariantCulture, $"Seller {seller} save {save}");
                ListingDraft draft = Draft(id, title);
                draft.Version = version;
                var written = Assert.IsType<ListingWriteResult.Written>(
                    await drafts.SaveAsync(draft, viewer, CancellationToken.None));
                (id, version) = (written.Id, written.Version);
            }

            return (id, title);
        }));
        (Guid Id, string Title)[] last = await Task.WhenAll(sellers);

        await using var context = await services.GetRequiredService<IDbContextFactory<ListingDbContext>>()
            .CreateDbContextAsync();
        Dictionary<Guid, string> stored = await context.Drafts.ToDictionaryAsync(d => d.Id, d => d.Title);
        Assert.Equal(8, stored.Count);
        Assert.All(last, saved => Assert.Equal(saved.Title, stored[saved.Id]));
    }

    [Fact]
    public async Task KilledDuringABurstOfSaves_Restart_OpensCleanlyWithEveryAcknowledgedSave()
    {
        using var folder = new TempFolder();

        // The worker saves from four writers without end and prints each save once SaveAsync has returned.
        Dictionary<Guid, int> acknowledged = await RunSaveBurstAndKillAsync(folder.Path, acknowledgements: 200);

        using var connection = new SqliteConnection($"Data Source={Path.Combine(folder.Path, "listings.db")}");
        connection.Open();
        Assert.Equal("ok", Scalar(connection, "PRAGMA integrity_check"));
        await using ServiceProvider services = DataServices(folder.Path);
        services.MigrateListingDatabase();
        await using var context = await services.GetRequiredService<IDbContextFactory<ListingDbContext>>()
            .CreateDbContextAsync();
        Dictionary<Guid, string> stored = await context.Drafts.ToDictionaryAsync(d => d.Id, d => d.Title);
        Assert.All(acknowledged, save =>
        {
            Assert.True(stored.ContainsKey(save.Key), $"The acknowledged draft {save.Key} is missing.");

            // A save that was still running when the process died may have landed too, so the stored title is the
            // acknowledged one or a later one, never an earlier one.
            int storedSequence = int.Parse(stored[save.Key]["Burst save ".Length..], CultureInfo.InvariantCulture);
            Assert.True(
                storedSequence >= save.Value,
                $"Draft {save.Key} holds save {storedSequence}, older than the acknowledged save {save.Value}.");
        });
    }

    private static async Task<Dictionary<Guid, int>> RunSaveBurstAndKillAsync(string dataFolder, int acknowledgements)
    {
        string worker = Path.Combine(AppContext.BaseDirectory, "FashionListing.TestWorker.dll");
        Assert.True(File.Exists(worker), $"The test worker was not built beside the tests: {worker} is missing.");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(worker);
        start.ArgumentList.Add("save-burst");
        start.ArgumentList.Add(dataFolder);

        using Process process = Process.Start(start)!;
        Task<string> errors = process.StandardError.ReadToEndAsync();
        Dictionary<Guid, int> acknowledged = [];
        int seen = 0;
        while (seen < acknowledgements && await process.StandardOutput.ReadLineAsync() is string line)
        {
            string[] parts = line.Split(' ');
            Guid id = Guid.Parse(parts[1]);
            int sequence = int.Parse(parts[2], CultureInfo.InvariantCulture);
            acknowledged[id] = Math.Max(sequence, acknowledged.GetValueOrDefault(id));
            seen++;
        }

        // Killed while its writers are busy: with four of them saving without pause, one is almost always
        // inside a transaction at that moment.
        bool stoppedEarly = process.HasExited;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        Assert.False(stoppedEarly, $"The worker stopped before it was killed: {await errors}");
        Assert.Equal(acknowledgements, seen);

        return acknowledged;
    }

    private static ServiceProvider DataServices(string dataFolder)
    {
        IConfiguration configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataFolder"] = dataFolder })
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment
        {
            ContentRootPath = dataFolder,
            EnvironmentName = Environments.Development,
        });
        services.AddLogging();
        services.AddListingData(configuration);

        return services.BuildServiceProvider();
    }

    private static ListingDraft Draft(Guid id, string title) => new()
    {
        Id = id,
        Title = title,
        Condition = ItemCondition.Good,
        Price = 12.5m,
    };

    private static string Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;

        return Convert.ToString(command.ExecuteScalar(), CultureInfo.InvariantCulture)!;
    }
}
