using Microsoft.Extensions.Options;
using MongoDB.Bson;
using MongoDB.Bson.Serialization.Attributes;
using MongoDB.Driver;

namespace Ledger.Api.Data;

public class LedgerDatabaseSettings
{
    public string ConnectionString { get; set; } = "mongodb://localhost:27017";
    public string DatabaseName { get; set; } = "ledger";
    public string EntriesCollectionName { get; set; } = "entries";
    public string AccountsCollectionName { get; set; } = "accounts";
}

public record Entry(
    [property: BsonId, BsonRepresentation(BsonType.ObjectId)] string? Id,
    string AccountId,
    decimal Amount,
    string Currency,
    DateTime BookedAt);

public class EntriesService
{
    private readonly IMongoCollection<Entry> _entries;

    public EntriesService(IMongoClient client, IOptions<LedgerDatabaseSettings> options)
    {
        var db = client.GetDatabase(options.Value.DatabaseName);
        _entries = db.GetCollection<Entry>(options.Value.EntriesCollectionName);
    }

    public Task<List<Entry>> ForAccountAsync(string accountId) =>
        _entries.Find(e => e.AccountId == accountId).SortByDescending(e => e.BookedAt).Limit(200).ToListAsync();

    public Task AddAsync(Entry entry) => _entries.InsertOneAsync(entry);
}
