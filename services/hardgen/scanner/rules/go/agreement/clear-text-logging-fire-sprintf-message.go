// hardgen-expect: go/clear-text-logging
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
)

func connect(w http.ResponseWriter, r *http.Request) {
	dbPassword := os.Getenv("DB_PASSWORD")
	msg := fmt.Sprintf("connecting to database as app with %s", dbPassword)
	log.Println(msg)
	w.Write([]byte("connected"))
}

func main() {
	http.HandleFunc("/connect", connect)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
