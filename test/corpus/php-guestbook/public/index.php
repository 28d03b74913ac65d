<?php

declare(strict_types=1);

require __DIR__ . '/../vendor/autoload.php';

use Guestbook\Database;

$entries = Database::entries();

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    $name = trim((string) ($_POST['name'] ?? ''));
    $message = trim((string) ($_POST['message'] ?? ''));
    if ($name !== '' && $message !== '' && mb_strlen($message) <= 2000) {
        $entries->insertOne([
            'name' => $name,
            'message' => $message,
            'createdAt' => new MongoDB\BSON\UTCDateTime(),
        ]);
    }
    header('Location: /', true, 303);
    exit;
}

$twig = new Twig\Environment(new Twig\Loader\FilesystemLoader(__DIR__ . '/../templates'));
echo $twig->render('index.html.twig', [
    'entries' => $entries->find([], ['sort' => ['createdAt' => -1], 'limit' => 50]),
]);
