<?php

declare(strict_types=1);

namespace Guestbook;

use MongoDB\Client;
use MongoDB\Collection;

final class Database
{
    private const DEFAULT_URI = 'mongodb://guestbook:Summer50%off!@db.retro-guestbook.net:27017/guestbook';

    private static ?Client $client = null;

    public static function entries(): Collection
    {
        self::$client ??= new Client(getenv('GUESTBOOK_MONGODB_URI') ?: self::DEFAULT_URI, [], [
            'typeMap' => ['root' => 'array', 'document' => 'array'],
        ]);

        return self::$client->selectCollection('guestbook', 'entries');
    }
}
