namespace Orchestrator.Library.Storage;

/// <summary>
/// The library database's layout. <c>PRAGMA application_id</c> marks the file as ours (so another program's SQLite file
/// is refused by name, not misread) and <c>PRAGMA user_version</c> is the schema version; a file of a newer version is
/// refused, an older one would be migrated here (there is none yet).
/// </summary>
internal static class LibrarySchema
{
    /// <summary>"ORLB" as a big-endian integer.</summary>
    public const int ApplicationId = 0x4F524C42;

    public const int Version = 1;

    public const string Create = """
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            source TEXT NOT NULL,
            hash TEXT NOT NULL,
            title TEXT NOT NULL,
            words INTEGER NOT NULL,
            chapters INTEGER NOT NULL,
            added TEXT NOT NULL);
        CREATE INDEX documents_hash ON documents(hash);
        CREATE TABLE chunks(
            id INTEGER PRIMARY KEY,
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            ordinal INTEGER NOT NULL,
            chapter INTEGER NOT NULL,
            heading TEXT NOT NULL,
            first_paragraph INTEGER NOT NULL,
            last_paragraph INTEGER NOT NULL,
            words INTEGER NOT NULL,
            text TEXT NOT NULL,
            embedding BLOB);
        CREATE INDEX chunks_document ON chunks(document_id);
        CREATE VIRTUAL TABLE chunks_fts USING fts5(text, content='chunks', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2');
        CREATE TRIGGER chunks_after_insert AFTER INSERT ON chunks BEGIN
            INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER chunks_after_delete AFTER DELETE ON chunks BEGIN
            INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text);
        END;
        CREATE TABLE names(
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            form TEXT NOT NULL,
            mentions INTEGER NOT NULL,
            chapter INTEGER,
            paragraph INTEGER);
        CREATE INDEX names_document ON names(document_id);
        CREATE TABLE traits(
            document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
            subject TEXT NOT NULL,
            attribute TEXT NOT NULL,
            value TEXT NOT NULL,
            evidence TEXT NOT NULL,
            chapter INTEGER,
            paragraph INTEGER);
        CREATE INDEX traits_document ON traits(document_id);
        """;

    /// <summary>Meta keys.</summary>
    public const string VersionKey = "version", EmbeddingModelKey = "embedding_model", EmbeddingDimensionsKey = "embedding_dimensions";
}
