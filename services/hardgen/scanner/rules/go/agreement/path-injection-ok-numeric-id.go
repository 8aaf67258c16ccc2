// hardgen-expect: none
// hardgen-near-miss: go/path-injection
package main

import (
	"fmt"
	"log"
	"net/http"
	"os"
	"strconv"
)

func invoice(w http.ResponseWriter, r *http.Request) {
	id, err := strconv.Atoi(r.URL.Query().Get("id"))
	if err != nil || id <= 0 {
		http.Error(w, "invalid id", http.StatusBadRequest)
		return
	}
	data, err := os.ReadFile(fmt.Sprintf("invoices/%d.pdf", id))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Write(data)
}

func main() {
	http.HandleFunc("/invoice", invoice)
	log.Fatal(http.ListenAndServe(":8080", nil))
}
