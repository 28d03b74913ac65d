module.exports = {
  async up(db) {
    await db.collection('orders').createIndex({ status: 1, createdAt: -1 }, { name: 'status_createdAt' });
  },

  async down(db) {
    await db.collection('orders').dropIndex('status_createdAt');
  },
};
